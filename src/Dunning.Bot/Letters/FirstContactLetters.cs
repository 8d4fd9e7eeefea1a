using Dunning.Bot.Channels.Telegram;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Payments;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Statements;
using Dunning.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Letters;

/// <summary>
/// Assembles <see cref="FirstContactLetter"/>s and remembers which debtors got one (a <see cref="CaseActionKinds.Letter"/>
/// entry in the case history): a debtor with open invoices and no such entry is <em>new</em>. Amounts come from
/// <see cref="InvoiceStatements"/>. The Telegram link appears once the bot's username is known.
/// </summary>
public sealed class FirstContactLetters(
    IDebtorStore debtors,
    ICaseStore cases,
    InvoiceStatements statements,
    IOptions<PayeeOptions> payee,
    IOptions<BotOptions> bot,
    IServiceProvider services,
    TimeProvider clock)
{
    /// <summary>The letter for <paramref name="debtorId"/> in <paramref name="language"/> (null: the debtor's); null without such a debtor.</summary>
    public async Task<FirstContactLetter?> BuildAsync(string debtorId, string? language, CancellationToken cancellationToken) =>
        await debtors.FindAsync(debtorId, cancellationToken) is { } debtor ? await BuildAsync(debtor, language, cancellationToken) : null;

    /// <summary>The letter for <paramref name="debtor"/> in <paramref name="language"/> (null: the debtor's language).</summary>
    public async Task<FirstContactLetter> BuildAsync(Debtor debtor, string? language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        var statement = await statements.ForDebtorAsync(debtor, cancellationToken);
        var open = statement.Open;
        var totals = DebtorStatement.TotalsByCurrency(open).Select(t => t.Rounded()).ToList();
        var reference = RemittanceReference.For(payee.Value, open.Select(i => i.Number));
        var code = totals is [var total] ? GiroCode.For(payee.Value, total, reference) : null;
        return new FirstContactLetter(debtor, language is { } chosen && Debtor.Languages.Contains(chosen) ? chosen : debtor.Language,
            statement.Today, open, totals, bot.Value.ChatLink(debtor.LinkToken),
            services.GetService<TelegramBotIdentity>()?.DeepLink(debtor.LinkToken), reference, code);
    }

    /// <summary>The letters of <paramref name="many"/>, in that order (one combined document prints them one after another).</summary>
    public async Task<IReadOnlyList<FirstContactLetter>> BuildAsync(IEnumerable<Debtor> many, string? language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(many);
        var letters = new List<FirstContactLetter>();
        foreach (var debtor in many)
            letters.Add(await BuildAsync(debtor, language, cancellationToken));
        return letters;
    }

    /// <summary>Debtors with at least one open invoice whose case has no printed letter yet, by id.</summary>
    public async Task<IReadOnlyList<Debtor>> NewDebtorsAsync(CancellationToken cancellationToken)
    {
        var printed = (await cases.ListAsync(cancellationToken))
            .Where(c => c.History.Any(a => a.Kind == CaseActionKinds.Letter)).Select(c => c.DebtorId).ToHashSet(StringComparer.Ordinal);
        var result = new List<Debtor>();
        foreach (var debtor in (await debtors.ListAsync(cancellationToken)).Where(d => !printed.Contains(d.Id)).OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            if ((await statements.ForDebtorAsync(debtor, cancellationToken)).Open.Count > 0)
                result.Add(debtor);
        }
        return result;
    }

    /// <summary>Notes in the debtor's case history that <paramref name="actor"/> printed their letter (the code itself is not written).</summary>
    public Task MarkPrintedAsync(FirstContactLetter letter, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var now = clock.GetUtcNow();
        return cases.UpdateAsync(letter.Debtor.Id, c => c.Record(new CaseAction(now, CaseActionKinds.Letter,
            $"First-contact letter ({letter.Language}) with access code and chat links", null, [.. letter.Open.Select(i => i.Number)], actor)),
            cancellationToken);
    }
}
