using System.Net;
using System.Reflection;
using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Understanding;
using Dunning.Bot.Staff;
using Dunning.Bot.Staff.Accounts;
using Dunning.Bot.Staff.Pages;
using Dunning.Bot.Staff.Wording;

namespace Dunning.Bot.Tests.Staff;

/// <summary>
/// The console speaks German or English: the staff member's own choice (stored on the account), else the browser's
/// Accept-Language, else Staff:DefaultLanguage. Labels come from dialogs/console.*.yaml; money and dates follow the
/// language, times the owner's zone (Escalation:TimeZone), and statuses and reasons read as words.
/// </summary>
public sealed class The_console_speaks_the_staff_members_language : IDisposable
{
    private readonly StaffHost host = new();

    [Theory]
    [InlineData("de-DE,de;q=0.9,en;q=0.8", "Fälle", "Abmelden")]
    [InlineData("en-GB,en;q=0.9", "Cases", "Sign out")]
    [InlineData("fr-FR,en;q=0.5", "Cases", "Sign out")]
    [InlineData("fr-FR", "Fälle", "Abmelden")]
    [InlineData(null, "Fälle", "Abmelden")]
    public async Task The_browser_language_decides_until_the_staff_member_chooses(string? acceptLanguage, string cases, string signOut)
    {
        using var owner = await host.SignedInAsync("olga", acceptLanguage);

        var inbox = await owner.GetStringAsync("/console");

        Assert.Contains($">{cases}</a>", inbox, StringComparison.Ordinal);
        Assert.Contains($">{signOut}</button>", inbox, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chosen_language_is_kept_on_the_account_and_wins_over_the_browser()
    {
        using var german = await host.SignedInAsync("olga", "de-DE");
        Assert.Contains("<html lang=\"de\">", await german.GetStringAsync("/console/cases"), StringComparison.Ordinal);

        var chosen = await StaffHost.PostFormAsync(german, "/console/cases", new() { ["language"] = "en", ["returnUrl"] = "/console/cases?q=Erika" }, "/console/language");

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/console/cases?q=Erika", chosen.Headers.Location!.OriginalString);
        Assert.Equal("en", (await host.Get<IStaffAccountStore>().FindAsync("olga", CancellationToken.None))!.Language);
        Assert.Contains("<html lang=\"en\">", await german.GetStringAsync("/console/cases"), StringComparison.Ordinal);
        using var elsewhere = await host.SignedInAsync("olga", "de-DE");
        Assert.Contains(">Cases</a>", await elsewhere.GetStringAsync("/console"), StringComparison.Ordinal);
        using var sam = await host.SignedInAsync("sam", "de-DE");
        Assert.Contains(">Fälle</a>", await sam.GetStringAsync("/console"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "/console")]
    [InlineData("EN", "/console")]
    [InlineData("", "/console")]
    [InlineData("en", "https://evil.example/")]
    [InlineData("en", "//evil.example/")]
    public async Task An_unknown_language_is_refused_and_a_foreign_return_address_is_ignored(string language, string returnUrl)
    {
        using var owner = await host.SignedInAsync("olga", "de-DE");

        var response = await StaffHost.PostFormAsync(owner, "/console", new() { ["language"] = language, ["returnUrl"] = returnUrl }, "/console/language");

        if (language == "en")
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/console", response.Headers.Location!.OriginalString);
            return;
        }
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null((await host.Get<IStaffAccountStore>().FindAsync("olga", CancellationToken.None))!.Language);
    }

    [Fact]
    public async Task Choosing_a_language_needs_the_antiforgery_token()
    {
        using var owner = await host.SignedInAsync("olga", "de-DE");

        var response = await owner.PostAsync("/console/language", new FormUrlEncodedContent(new Dictionary<string, string> { ["language"] = "en" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null((await host.Get<IStaffAccountStore>().FindAsync("olga", CancellationToken.None))!.Language);
    }

    [Fact]
    public async Task Money_dates_and_times_follow_the_language_and_the_owners_clock()
    {
        await host.Get<IEscalationStore>().SaveAsync(new Escalation
        {
            Id = "E-1", DebtorId = StaffHost.DebtorId, Reason = EscalationReason.ClaimedPaid, Priority = EscalationPriority.Normal,
            RaisedAt = host.Clock.GetUtcNow(), RespondBy = new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero), Detail = "paid on Monday",
        }, CancellationToken.None);
        using var german = await host.SignedInAsync("olga", "de-DE");
        using var english = await host.SignedInAsync("sam", "en-GB");

        var de = await german.GetStringAsync("/console/cases/D-100");
        var en = await english.GetStringAsync("/console/cases/D-100");
        var inbox = await german.GetStringAsync("/console");

        Assert.Contains("119,00 €", de, StringComparison.Ordinal);
        Assert.Contains("15.09.2026", de, StringComparison.Ordinal);
        Assert.Contains("€119.00", en, StringComparison.Ordinal);
        Assert.Contains(new DateOnly(2026, 9, 15).ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), en, StringComparison.Ordinal);
        Assert.Contains("Meldet Zahlung – bitte prüfen", inbox, StringComparison.Ordinal);
        Assert.Contains("title=\"26.11.2026, 16:00\"", inbox, StringComparison.Ordinal); // 15:00 UTC is 16:00 in Berlin
        Assert.Contains("noch 6 Std. 0 Min.", inbox, StringComparison.Ordinal);
        Assert.DoesNotContain("ClaimedPaid", inbox, StringComparison.Ordinal);
        Assert.DoesNotContain(" EUR", de, StringComparison.Ordinal);
    }

    public static TheoryData<string> Languages => ["de", "en"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_status_reason_stage_and_channel_has_words_in_both_languages(string language)
    {
        var text = host.Get<ConsoleLanguage>().In(language);
        var missing = new List<string>();
        void Need(string key)
        {
            if (!text.Has(key))
                missing.Add(key);
        }
        foreach (var key in Words<EscalationReason>().Concat(Words<EscalationPriority>()).Concat(Words<EscalationState>()).Concat(Words<InvoiceStatus>())
            .Concat(Words<AgreementKind>()).Concat(Words<AgreementState>()).Concat(Words<HandoffState>()).Concat(Words<DebtorKind>()).Concat(Words<Intent>())
            .Concat(Words<StaffRole>()).Concat(Words<CaseStatus>()).Concat(Words<DefaultReason>().Where(k => !k.EndsWith("_none", StringComparison.Ordinal))))
            Need(key);
        foreach (var stage in host.Get<DunningLadder>().Stages)
            Need(ConsoleWords.StageKey(stage.Key));
        foreach (var channel in ChannelKind.All)
            Need($"channel_{channel}");
        foreach (var kind in typeof(CaseActionKinds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!))
            Need($"history_{kind}");
        Assert.Empty(missing);
    }

    private static IEnumerable<string> Words<TEnum>() where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(ConsoleWords.WordKey);

    public void Dispose() => host.Dispose();
}
