using System.CommandLine;
using Dunning.Bot.Channels.Telegram;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Hosting;
using Dunning.Bot.Storage;
using QRCoder;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Dunning.Bot.Cli;

/// <summary>
/// <c>links [--debtor ID] [--qr DIR] [--lang de|en] [--config file]</c>: prints each debtor's chat links — the web chat
/// and, once a Telegram token is set, the t.me deep link that binds the chat — and access code (to the terminal only,
/// never to a log), and with <c>--qr</c> writes one PNG QR code per link. The bot's username comes from
/// Telegram:BotUsername, else from getMe. Exit codes: 0 done, 1 unknown debtor, 2 usage.
/// </summary>
internal sealed class LinksVerb : ICliVerb
{
    public string Name => "links";

    public string Summary => "print each debtor's chat links and access code (web, Telegram) and optionally write QR codes";

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!CliText.TryTake(Name, ref args, error, out var text))
            return 2;
        var debtorOption = new Option<string?>("--debtor") { HelpName = "ID" };
        var qrOption = new Option<string?>("--qr") { HelpName = "DIR" };
        var configOption = VerbLine.ConfigFile();
        if (VerbLine.Parse(new Command(Name) { debtorOption, qrOption, configOption }, args, error, text, "links_usage") is not { } line)
            return 2;
        var (debtorId, qrFolder, configFile) = (line.GetValue(debtorOption), line.GetValue(qrOption), line.GetValue(configOption));
        var configuration = DunningConfiguration.ForVerb(VerbLine.ConfigArguments(configFile));
        var bot = configuration.GetSection(BotOptions.SectionName).Get<BotOptions>() ?? new BotOptions();
        var telegram = configuration.GetSection(TelegramOptions.SectionName).Get<TelegramOptions>() ?? new TelegramOptions();
        using var host = DunningServices.ForVerb(configuration, _ => { });
        var services = host.Services;
        var store = services.GetRequiredService<IDebtorStore>();

        IReadOnlyList<Debtor> debtors;
        if (debtorId is null)
        {
            debtors = await store.ListAsync(cancellationToken);
        }
        else if (await store.FindAsync(debtorId, cancellationToken) is { } one)
        {
            debtors = [one];
        }
        else
        {
            error.WriteLine(text.Say("links_unknown_debtor", new() { ["id"] = debtorId }));
            return 1;
        }

        var username = await TelegramUsernameAsync(Name, telegram, text, error, cancellationToken);
        if (username is null)
            output.WriteLine(text.Say("links_telegram_off"));
        foreach (var debtor in debtors.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            var web = bot.ChatLink(debtor.LinkToken);
            var deepLink = username is null ? null : new TelegramBotIdentity(username, 0).DeepLink(debtor.LinkToken);
            output.WriteLine($"{debtor.Id}  {debtor.Name}");
            output.WriteLine(text.Say("links_web", new() { ["link"] = web.AbsoluteUri }));
            if (deepLink is not null)
                output.WriteLine(text.Say("links_telegram", new() { ["link"] = deepLink.AbsoluteUri }));
            output.WriteLine(text.Say("links_code", new() { ["code"] = debtor.AccessCode }));
            if (qrFolder is not null)
            {
                WriteQr(qrFolder, debtor.Id, "web", web);
                if (deepLink is not null)
                    WriteQr(qrFolder, debtor.Id, "telegram", deepLink);
            }
        }
        if (qrFolder is not null)
            output.WriteLine(text.Say("links_qr_written", new() { ["folder"] = Path.GetFullPath(qrFolder) }));
        return 0;
    }

    /// <summary>The configured username, else getMe's; null without a token or when Telegram cannot be reached.</summary>
    internal static async Task<string?> TelegramUsernameAsync(string verb, TelegramOptions options, CliText text, TextWriter error, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(options.BotUsername))
            return options.BotUsername.TrimStart('@');
        if (!options.Enabled)
            return null;
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
            var client = new TelegramBotClient(new TelegramBotClientOptions(options.Token!, options.ApiBaseUrl.TrimEnd('/')) { RetryThreshold = 0 }, http);
            return (await client.GetMe(cancellationToken)).Username;
        }
        catch (RequestException ex)
        {
            error.WriteLine(text.Say("links_username_failed", new() { ["verb"] = verb, ["message"] = ex.Message }));
            return null;
        }
    }

    private static void WriteQr(string folder, string debtorId, string kind, Uri link)
    {
        Directory.CreateDirectory(folder);
        var safeId = new string([.. debtorId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link.AbsoluteUri, QRCodeGenerator.ECCLevel.M);
        File.WriteAllBytes(Path.Combine(folder, $"{safeId}-{kind}.png"), new PngByteQRCode(data).GetGraphic(10));
    }
}
