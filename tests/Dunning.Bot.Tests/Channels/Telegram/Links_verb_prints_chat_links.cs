using System.Text.Json;
using Dunning.Bot.Hosting;
using Dunning.Bot.Cli;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Storage;
using Dunning.Bot.Tests.Fakes.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.Channels.Telegram;

public sealed class Links_verb_prints_chat_links : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("dunning-links-");
    private FakeTelegramServer _server = null!;

    private string DatabasePath => Path.Combine(_folder.FullName, "dunning.db");

    public async Task InitializeAsync()
    {
        _server = await FakeTelegramServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = DatabasePath }).Build();
        using var host = DunningServices.ForVerb(configuration, _ => { });
        var services = host.Services;
        var store = services.GetRequiredService<IDebtorStore>();
        await store.SaveAsync(new Debtor { Id = "D-1", Name = "Anna Becker", AccessCode = "ABCD1234", LinkToken = "tok_Anna-1" }, CancellationToken.None);
        await store.SaveAsync(new Debtor { Id = "D/2", Name = "Müller GmbH", AccessCode = "EFGH5678", LinkToken = "tok_Mueller-2" }, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(Dictionary<string, object> settings, params string[] args)
    {
        settings["Storage"] = new Dictionary<string, string> { ["Path"] = DatabasePath };
        settings["Bot"] = new Dictionary<string, string> { ["PublicBaseUrl"] = "https://pay.example.org" };
        var config = Path.Combine(_folder.FullName, "settings.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(settings));
        using StringWriter output = new(), error = new();
        var exit = await new LinksVerb().RunAsync([.. args, "--config", config], output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private Dictionary<string, object> WithToken() => new()
    {
        ["Telegram"] = new Dictionary<string, string> { ["Token"] = _server.Token, ["ApiBaseUrl"] = _server.BaseUrl.ToString() },
    };

    [Fact]
    public async Task With_a_token_each_debtor_gets_a_web_link_and_a_telegram_deep_link_named_by_getMe()
    {
        var (exit, output, _) = await RunAsync(WithToken());

        Assert.Equal(0, exit);
        Assert.Contains("https://pay.example.org/chat?t=tok_Anna-1", output);
        Assert.Contains("https://t.me/dunning_test_bot?start=tok_Anna-1", output);
        Assert.Contains("https://t.me/dunning_test_bot?start=tok_Mueller-2", output);
        Assert.Contains(_server.Calls, c => c.Method == "getMe");
        Assert.DoesNotContain(_server.Token, output);
    }

    [Fact]
    public async Task Without_a_token_only_web_links_and_a_hint_are_printed()
    {
        var (exit, output, _) = await RunAsync([]);

        Assert.Equal(0, exit);
        Assert.Contains("https://pay.example.org/chat?t=tok_Mueller-2", output);
        Assert.DoesNotContain("t.me", output);
        Assert.Contains("Telegram__Token=", output);
    }

    [Fact]
    public async Task One_debtor_with_qr_codes_writes_one_png_per_link()
    {
        var qr = Path.Combine(_folder.FullName, "qr");

        var (exit, output, _) = await RunAsync(WithToken(), "--debtor", "D/2", "--qr", qr);

        Assert.Equal(0, exit);
        Assert.DoesNotContain("tok_Anna-1", output);
        Assert.Equal(["D_2-telegram.png", "D_2-web.png"], Directory.GetFiles(qr).Select(Path.GetFileName).Order());
        foreach (var file in Directory.GetFiles(qr))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            Assert.True(bytes.Length > 200);
        }
    }

    [Fact]
    public async Task An_unknown_debtor_is_an_error()
    {
        var (exit, _, error) = await RunAsync([], "--debtor", "D-404");

        Assert.Equal(1, exit);
        Assert.Contains("D-404", error);
    }

    [Fact]
    public async Task A_configured_username_needs_no_call_to_telegram()
    {
        var settings = new Dictionary<string, object> { ["Telegram"] = new Dictionary<string, string> { ["BotUsername"] = "@acme_billing_bot" } };

        var (exit, output, _) = await RunAsync(settings, "--debtor", "D-1");

        Assert.Equal(0, exit);
        Assert.Contains("https://t.me/acme_billing_bot?start=tok_Anna-1", output);
        Assert.Empty(_server.Calls);
    }
}
