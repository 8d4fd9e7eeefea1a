using Dunning.Bot.Api;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Bot.Tests.EndToEnd;

/// <summary>
/// The real host (the real <c>DunningBot</c>, dialogs, LiteDB and channels) for end-to-end tests: one owner API key, a
/// configured payee (so payment details carry a GiroCode) and a fake clock standing on a fixed Monday morning.
/// Restart tests pass the same <c>databasePath</c> to a second host.
/// </summary>
internal static class EndToEndHost
{
    public const string ApiKey = "dbk_end-to-end-owner-key";

    public const string Iban = "DE89370400440532013000";

    /// <summary>Monday 16 November 2026, 10:30 in Berlin: within business hours, well after the seeded due dates.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 16, 9, 30, 0, TimeSpan.Zero);

    public static FakeTimeProvider NewClock() => new(Now);

    /// <summary>The real host; <paramref name="clock"/> replaces the system clock unless it is the system clock.</summary>
    public static BotHost Start(TimeProvider clock, string? databasePath = null, Dictionary<string, string?>? settings = null)
    {
        var all = Settings(settings);
        if (databasePath is not null)
            all["Storage:Path"] = databasePath;
        return new BotHost(all, clock: clock == TimeProvider.System ? null : clock);
    }

    /// <summary>
    /// The owner API key and the payee, plus <paramref name="extra"/>. The Quartz schedule is off: its sweep runs at
    /// wall-clock cron times and would drop a reminder into a chat in the middle of a scripted conversation.
    /// </summary>
    public static Dictionary<string, string?> Settings(Dictionary<string, string?>? extra = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Api:Keys:0:Name"] = "erp",
            ["Api:Keys:0:Sha256"] = ApiKeys.Hash(ApiKey),
            ["Payee:AccountHolder"] = "Muster Handwerk GmbH",
            ["Payee:Iban"] = Iban,
            ["Payee:Bic"] = "COBADEFFXXX",
            ["Payee:BankName"] = "Commerzbank",
            ["Scheduling:Enabled"] = "false",
        };
        foreach (var (key, value) in extra ?? [])
            all[key] = value;
        return all;
    }

    /// <summary>The owner API of <paramref name="host"/>, authenticated with <see cref="ApiKey"/>.</summary>
    public static OwnerApi Owner(this BotHost host)
    {
        var http = host.CreateHttpClient();
        http.DefaultRequestHeaders.Add(ApiKeys.HeaderName, ApiKey);
        return new OwnerApi(http, host.Clock ?? TimeProvider.System);
    }
}
