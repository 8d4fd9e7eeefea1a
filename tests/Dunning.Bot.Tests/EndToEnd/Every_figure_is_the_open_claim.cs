using Dunning.Bot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.EndToEnd;

/// <summary>
/// One claim, one figure: a consumer whose agreed due date (15 October) passed a month ago owes the principal and the
/// default interest since 16 October. The greeting, the balance, the payment details, the terms to confirm, the recorded
/// agreement and the owner API all show that same open claim, in German and in English.
/// </summary>
public sealed class Every_figure_is_the_open_claim : IDisposable
{
    private readonly Infrastructure.BotHost host = EndToEndHost.Start(EndToEndHost.NewClock(),
        settings: new() { ["Dunning:DueDatesAreAgreed"] = "true" });

    public static TheoryData<string, string, string, string, string, string, string> Languages => new()
    {
        { "de", "de-DE", "Erika Mustermann", "Wie viel muss ich noch zahlen?", "Wie ist Ihre Bankverbindung?", "Kann ich bis zum 30.11. zahlen?", "Ja" },
        { "en", "en-GB", "Eric Example", "How much do I still owe?", "What are your bank details?", "Can I pay on 30 November?", "Yes" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Greeting_balance_payment_details_terms_agreement_and_api_agree_to_the_cent(
        string language, string locale, string name, string balanceQuestion, string paymentQuestion, string deferral, string yes)
    {
        using var owner = host.Owner();
        var debtor = await owner.DebtorWithInvoiceAsync("K-300", name, language, "RE-2026-300", 1200m);
        var claim = await OpenClaim.OfAsync(host.Services, debtor.Id);
        // 1,200 × 6.27 % × 32/365 (16 Oct – 16 Nov) = 6.5967 → €6.60: interest is part of every figure below.
        Assert.Equal(1206.60m, claim);
        var figure = OpenClaim.Euros(claim, language);
        var chat = await WebChatter.OpenAsync(host.CreateHttpClient());

        var greeting = WebChatter.Text(Assert.Single(await chat.JoinAsync(debtor.LinkToken, locale)));
        var balance = await chat.AskAsync(balanceQuestion);
        var details = WebChatter.Text(Assert.Single(await chat.SayAsync(paymentQuestion)));
        var terms = Assert.Single(await chat.SayAsync(deferral));
        var agreed = await chat.AskAsync(WebChatter.Buttons(terms).Single(b => b.Title == yes).Value);
        var agreement = Assert.Single(await host.Services.GetRequiredService<IAgreementStore>().ListByDebtorAsync(debtor.Id, CancellationToken.None));
        var api = await owner.GetInvoiceAsync("RE-2026-300");

        Assert.Contains(figure, greeting, StringComparison.Ordinal);
        Assert.Contains(figure, balance, StringComparison.Ordinal);
        Assert.Contains(figure, details, StringComparison.Ordinal);
        Assert.Contains(figure, WebChatter.Text(terms), StringComparison.Ordinal);
        Assert.Contains(figure, agreed, StringComparison.Ordinal);
        Assert.Equal(claim, agreement.Amount);
        Assert.Equal((claim, 6.60m, "calendar_date"), (api.GetProperty("openBalance").GetDecimal(), api.GetProperty("claim").GetProperty("interest").GetDecimal(), api.GetProperty("defaultReason").GetString()));
        // No other euro amount is named as what is owed: the principal alone never appears as the total.
        Assert.DoesNotContain(OpenClaim.Euros(1200m, language) + ".", greeting, StringComparison.Ordinal);
    }

    public void Dispose() => host.Dispose();
}
