using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Statements;
using Microsoft.Extensions.Logging;

namespace Dunning.Bot.Core.Chat;

public sealed partial class ConversationLinker
{
    private async Task LinkByTokenAsync(ITurnContext turn, TurnSession session, string token, CancellationToken cancellationToken)
    {
        var keys = new AttemptKeys(LinkTokens, ClientOrigin.Of(turn));
        if (await InCooldownAsync(turn, session, keys, cancellationToken))
            return;
        var debtor = DebtorSecrets.IsLinkTokenShaped(token) ? await debtors.FindByLinkTokenAsync(token, cancellationToken) : null;
        if (debtor is null)
        {
            await FailAsync(turn, session, "token_unknown", keys, cancellationToken);
            return;
        }
        guard.Succeed(keys);
        await BindAsync(turn, session, debtor, cancellationToken);
    }

    private async Task LinkByCodeAsync(ITurnContext turn, TurnSession session, string code, CancellationToken cancellationToken)
    {
        // Counted per client (across conversations and channels), per code tried and for everyone.
        var keys = new AttemptKeys(AccessCodes, ClientOrigin.Of(turn), code);
        if (await InCooldownAsync(turn, session, keys, cancellationToken))
            return;
        var debtor = await debtors.FindByAccessCodeAsync(code, cancellationToken);
        if (debtor is null)
        {
            await FailAsync(turn, session, "code_wrong", keys, cancellationToken);
            return;
        }
        guard.Succeed(keys);
        await BindAsync(turn, session, debtor, cancellationToken);
    }

    private AttemptKind AccessCodes => new("access code", Options.MaxCodeAttempts, Options.CodeCooldown);

    // Link tokens share the access codes' budget: both prove who the debtor is.
    private AttemptKind LinkTokens => AccessCodes;

    /// <summary>True (and the cool-down said) when this conversation or the guard refuses to check a code now.</summary>
    private async Task<bool> InCooldownAsync(ITurnContext turn, TurnSession session, AttemptKeys keys, CancellationToken cancellationToken)
    {
        var link = session.Link;
        var now = clock.GetUtcNow();
        if (link.CodeCooldownUntil is { } until && until <= now)
            link.CodeCooldownUntil = null;
        var verdict = await guard.CheckAsync(keys, cancellationToken);
        if (link.CodeCooldownUntil is { } own && !(verdict.RefusedUntil >= own))
            verdict = new AttemptVerdict(own, Options.CodeCooldown, 0);
        if (!verdict.IsRefused)
            return false;
        await SayCooldownAsync(turn, verdict, cancellationToken);
        return true;
    }

    /// <summary>A wrong code or unknown token: one attempt less for this client; the last one starts the back-off.</summary>
    private async Task FailAsync(ITurnContext turn, TurnSession session, string key, AttemptKeys keys, CancellationToken cancellationToken)
    {
        var link = session.Link;
        link.FailedCodeAttempts++;
        var verdict = await guard.FailAsync(keys, cancellationToken);
        if (verdict.IsRefused)
        {
            link.FailedCodeAttempts = 0;
            link.CodeCooldownUntil = verdict.RefusedUntil;
            logger.LogWarning("Conversation {Key}: too many wrong access codes or link tokens; no code is checked until {Until:O}",
                link.Key, link.CodeCooldownUntil);
            await SayCooldownAsync(turn, verdict, cancellationToken);
            return;
        }
        var model = key == "code_wrong" ? new { attempts_left = verdict.AttemptsLeft } : null;
        await wording.SayAsync(turn, Linking, key, model, cancellationToken);
    }

    private Task SayCooldownAsync(ITurnContext turn, AttemptVerdict verdict, CancellationToken cancellationToken) =>
        wording.SayAsync(turn, Linking, "cooldown",
            new { until_time = LocalTime(verdict.RefusedUntil!.Value), minutes = (int)Math.Ceiling(verdict.Backoff.TotalMinutes) }, cancellationToken);

    /// <summary>Binds the conversation (one conversation, one debtor), records the channel address and greets with a summary.</summary>
    private async Task BindAsync(ITurnContext turn, TurnSession session, Debtor debtor, CancellationToken cancellationToken)
    {
        var link = session.Link;
        if (link.DebtorId is { } bound && bound != debtor.Id)
        {
            logger.LogWarning("Conversation {Key} is bound to another debtor; a second debtor's credentials were refused.", link.Key);
            await wording.SayAsync(turn, Linking, "other_debtor", null, cancellationToken);
            return;
        }
        if (link.IsLinked)
        {
            await WelcomeAsync(turn, session, cancellationToken);
            return;
        }

        var now = clock.GetUtcNow();
        var channel = link.Channel;
        var address = ChannelAddress.Of(turn.Activity);
        var previous = ChannelKind.IsKnown(channel) ? debtor.Contact(channel) : null;
        var updated = ChannelKind.IsKnown(channel)
            ? await debtors.UpdateAsync(debtor.Id, d => d.Reach(channel, address), cancellationToken)
            : debtor;
        debtor = updated ?? debtor;
        link.LinkTo(debtor.Id, now);
        link.Language = debtor.Language;
        session.Debtor = debtor;
        await cases.UpdateAsync(debtor.Id, c => c.Record(new CaseAction(now, CaseActionKinds.Linked,
            $"Conversation linked on {channel}.", Channel: channel, Actor: "debtor")), cancellationToken);
        logger.LogInformation("Conversation {Key} linked to debtor {DebtorId}", link.Key, debtor.Id);
        await GreetAsync(turn, debtor, cancellationToken);
        if (previous is not null && previous.Address != address && newBindings is not null)
            await newBindings.ReplacedAsync(debtor, channel, previous, link.Key, cancellationToken);
    }

    private async Task GreetAsync(ITurnContext turn, Debtor debtor, CancellationToken cancellationToken)
    {
        var open = (await statements.StatementAsync(turn, debtor, cancellationToken)).Open;
        if (open.Count == 0)
        {
            await wording.SayWithMenuAsync(turn, Linking, "linked_nothing_open", new { name = debtor.Name, address = wording.Address(turn, debtor), business = debtor.Kind == DebtorKind.Business }, cancellationToken);
            return;
        }
        var totals = DebtorStatement.TotalsByCurrency(open).OrderBy(m => m.Currency, StringComparer.Ordinal).ToList();
        await wording.SayWithMenuAsync(turn, Linking, "linked",
            new { name = debtor.Name, address = wording.Address(turn, debtor), business = debtor.Kind == DebtorKind.Business, open_count = open.Count, totals }, cancellationToken);
    }
}
