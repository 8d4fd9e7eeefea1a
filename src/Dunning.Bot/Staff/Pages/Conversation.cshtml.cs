using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Staff.Actions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Staff.Pages;

/// <summary>One conversation: its transcript (refreshed live), take over, reply as a person, hand back.</summary>
public sealed partial class ConversationModel(
    IConversationStore conversations, IDebtorStore debtors, ITranscriptStore transcripts, IOptions<StaffOptions> options, ConversationActions actions) : ConsolePage
{
    [BindProperty(SupportsGet = true)]
    public string Key { get; set; } = "";

    public ConversationLink? Link { get; private set; }

    public Debtor? Debtor { get; private set; }

    public IReadOnlyList<TranscriptLine> Transcript { get; private set; } = [];

    public bool OwnedByMe => Link is { Handoff: HandoffState.Human } && Link.HandoffOwner == User.Identity?.Name;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Poll"] = "3000";
        ViewData["Live"] = true;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostTakeOverAsync(bool force, CancellationToken cancellationToken) =>
        await OutcomeAsync(await actions.TakeOverAsync(Actor, Key, force, cancellationToken), () => ReloadAsync(cancellationToken));

    /// <summary>After sending, the page continues at the reply box, not at its top.</summary>
    public async Task<IActionResult> OnPostReplyAsync(string? text, CancellationToken cancellationToken) =>
        await OutcomeAsync(await actions.ReplyAsync(Actor, Key, text, cancellationToken), () => ReloadAsync(cancellationToken), "reply");

    public async Task<IActionResult> OnPostHandBackAsync(bool force, CancellationToken cancellationToken) =>
        await OutcomeAsync(await actions.HandBackAsync(Actor, Key, force, cancellationToken), () => ReloadAsync(cancellationToken));

    private async Task<IActionResult> ReloadAsync(CancellationToken cancellationToken)
    {
        ViewData["Live"] = true;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Link = await conversations.FindAsync(Key, cancellationToken);
        if (Link is null)
            return false;
        Debtor = Link.DebtorId is { } id ? await debtors.FindAsync(id, cancellationToken) : null;
        Transcript = await TranscriptAsync(transcripts, options, Link, cancellationToken);
        return true;
    }
}

/// <summary>One line of the transcript as the console shows it; <see cref="Sender"/> is null for the debtor.</summary>
public sealed record TranscriptLine(DateTimeOffset At, bool Inbound, string? Sender, string Text, IReadOnlyList<string> Buttons, IReadOnlyList<string> Images,
    IReadOnlyList<string> Files);
