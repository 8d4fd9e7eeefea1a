using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Conversations.Testing;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Security;
using Dunning.Bot.Core.Tests.Fakes;
using Dunning.Bot.Core.Tests.Understanding;
using Dunning.Bot.Core.Understanding;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Dunning.Bot.Core.Tests.Dialogs.Backbone;

/// <summary>
/// The whole conversation backbone wired as the host wires it — DunningBot, linker, MainDialog, interruption layer,
/// transcript middleware, the real dialogs/ wording and recognizer — over in-memory ports and a TestAdapter.
/// </summary>
internal sealed class ConversationHarness
{
    public ConversationHarness(string channel = ChannelKind.WebChat, IEnumerable<IntentDialog>? dialogs = null, ConversationOptions? options = null)
    {
        Options = options ?? new ConversationOptions();
        Invoices = new InMemoryInvoiceStore(Debtors, Cases);
        var wrapped = MsOptions.Create(Options);
        Storage = new MemoryStorage();
        var conversationState = new ConversationState(Storage);
        var wording = new Wording(RepositoryFiles.Catalogue);
        var desk = new EscalationDesk(Escalations, Cases, Debtors, Notifier, MsOptions.Create(new EscalationOptions()), Clock);
        var interruptions = new Interruptions(desk, Debtors, Cases, wording, conversationState, Clock);
        var main = new MainDialog(dialogs ?? [], new SyncRecognizerAdapter(TestData.Recognizer), wording, interruptions, desk, conversationState, Clock, wrapped);
        var linker = new ConversationLinker(Debtors, Claims.Ledgers.Statements(Invoices, Cases, Clock), Cases, wording, TestData.Recognizer, Clock,
            new AttemptGuard(MsOptions.Create(new AttemptGuardOptions()), Clock, Notifier, NullLogger<AttemptGuard>.Instance), wrapped, NullLogger<ConversationLinker>.Instance);
        Bot = new DunningBot(Conversations, Debtors, conversationState, main, linker, interruptions, wording, Clock, wrapped, NullLogger<DunningBot>.Instance);
        Adapter = new TestAdapter(channel, Clock);
        Setup = new BotAdapterSetup(RepositoryFiles.Catalogue, conversationState, new TranscriptMiddleware(Transcripts, Conversations, Clock, wrapped, NullLogger<TranscriptMiddleware>.Instance), wrapped);
        Setup.Configure(Adapter);
        Samples.Seed(Debtors, Invoices);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    public ConversationOptions Options { get; }

    public MemoryStorage Storage { get; }

    public InMemoryDebtorStore Debtors { get; } = new();

    public InMemoryInvoiceStore Invoices { get; }

    public InMemoryCaseStore Cases { get; } = new();

    public InMemoryEscalationStore Escalations { get; } = new();

    public InMemoryConversationStore Conversations { get; } = new();

    public InMemoryTranscriptStore Transcripts { get; } = new();

    public RecordingOwnerNotifier Notifier { get; } = new();

    public DunningBot Bot { get; }

    public TestAdapter Adapter { get; }

    public BotAdapterSetup Setup { get; }

    public string Key => ConversationLink.KeyFor(Adapter.Conversation.ChannelId!, Adapter.Conversation.Conversation!.Id!);

    public ConversationLink? Link => Conversations[Key];

    public Debtor Debtor(string id) => Debtors.FindAsync(id, CancellationToken.None).Result!;

    /// <summary>Continues in another chat of the same channel.</summary>
    public void SwitchConversation(string conversationId) =>
        Adapter.Conversation.Conversation = new ConversationAccount(conversationId, "personal");

    public async Task<IReadOnlyList<Activity>> SendAsync(Activity activity)
    {
        Adapter.TakeReplies();
        await Adapter.ProcessActivityAsync(activity, Bot.OnTurnAsync, CancellationToken.None);
        return Adapter.TakeReplies();
    }

    public Task<IReadOnlyList<Activity>> SayAsync(string text) => SendAsync(Adapter.MakeActivity(text));

    /// <summary>A message from a client that sends <paramref name="locale"/> (null: the adapter's default, en-US).</summary>
    public Task<IReadOnlyList<Activity>> SayAsync(string text, string? locale)
    {
        var activity = Adapter.MakeActivity(text);
        activity.Locale = locale ?? activity.Locale;
        return SendAsync(activity);
    }

    /// <summary>The web chat page opening: the join event with an optional link token.</summary>
    public Task<IReadOnlyList<Activity>> JoinAsync(string? token, string locale)
    {
        var activity = Adapter.MakeActivity(null);
        activity.Type = ActivityTypes.Event;
        activity.Name = ConversationLinker.JoinEventName;
        activity.Value = System.Text.Json.JsonSerializer.SerializeToElement(new Dictionary<string, string?> { ["linkToken"] = token, ["locale"] = locale });
        return SendAsync(activity);
    }

    /// <summary>Plays a transcript: each user message must get exactly the expected replies, in the conversation's language.</summary>
    public Task PlayAsync(IEnumerable<Turn> turns) =>
        Transcript.PlayAsync(turn => turn.Says.StartsWith(Turn.JoinPrefix, StringComparison.Ordinal)
                ? JoinAsync(turn.Says[Turn.JoinPrefix.Length..] is { Length: > 0 } t ? t : null, turn.Locale ?? "de-DE")
                : SayAsync(turn.Says, turn.Locale),
            _ => Link?.Language ?? Options.DefaultLanguage, turns);
}
