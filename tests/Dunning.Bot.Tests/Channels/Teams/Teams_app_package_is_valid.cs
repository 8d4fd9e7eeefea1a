using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Dunning.Bot.Channels.Teams.Package;
using Dunning.Bot.Cli;
using Microsoft.Extensions.Configuration;

namespace Dunning.Bot.Tests.Channels.Teams;

public sealed class Teams_app_package_is_valid : IDisposable
{
    private const string BotId = "9f7d3a2e-0000-4000-8000-00000000a1b2";
    private readonly string directory = Directory.CreateTempSubdirectory("teams-package-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static IConfiguration Config(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private async Task<(int Code, string Output, string Error)> RunAsync(IConfiguration configuration)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await new TeamsPackageVerb(configuration).RunAsync(["--out", directory], output, error, default);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task The_verb_writes_a_manifest_in_the_current_schema_with_the_bot_in_personal_scope()
    {
        var (code, output, _) = await RunAsync(Config(("Teams:AppId", BotId), ("Bot:PublicBaseUrl", "https://bot.example.com")));

        Assert.Equal(0, code);
        Assert.Contains(".zip", output, StringComparison.Ordinal);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "manifest.json")))!;
        Assert.Equal("1.22", (string?)manifest["manifestVersion"]);
        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json", (string?)manifest["$schema"]);
        Assert.Equal(BotId, (string?)manifest["id"]);
        Assert.Equal("1.0.0", (string?)manifest["version"]);
        var bot = Assert.Single(manifest["bots"]!.AsArray())!;
        Assert.Equal(BotId, (string?)bot["botId"]);
        Assert.Equal(["personal"], bot["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.True((bool)bot["supportsFiles"]!);
        Assert.Equal("https://bot.example.com/", (string?)manifest["developer"]!["websiteUrl"]);
        Assert.Equal("https://bot.example.com/privacy", (string?)manifest["developer"]!["privacyUrl"]);
        Assert.Equal("https://bot.example.com/terms", (string?)manifest["developer"]!["termsOfUseUrl"]);
        Assert.Equal(["bot.example.com"], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        Assert.InRange(((string)manifest["name"]!["short"]!).Length, 1, 30);
        Assert.InRange(((string)manifest["description"]!["short"]!).Length, 1, 80);
        Assert.Matches("^#[0-9A-F]{6}$", (string?)manifest["accentColor"]);
        Assert.Equal("color.png", (string?)manifest["icons"]!["color"]);
        Assert.Equal("outline.png", (string?)manifest["icons"]!["outline"]);
    }

    [Fact]
    public async Task The_icons_are_valid_pngs_of_the_required_sizes_and_the_outline_is_white_on_transparent()
    {
        await RunAsync(Config(("Teams:AppId", BotId), ("TeamsApp:WebsiteUrl", "https://owner.example")));

        var color = ReadPng(File.ReadAllBytes(Path.Combine(directory, "color.png")));
        var outline = ReadPng(File.ReadAllBytes(Path.Combine(directory, "outline.png")));

        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.Equal(0xFF, color.Pixel(0, 0)[3]); // opaque background in the accent colour
        Assert.Equal([0x2B, 0x57, 0x97], color.Pixel(0, 0)[..3]);
        var outlinePixels = Enumerable.Range(0, 32).SelectMany(y => Enumerable.Range(0, 32).Select(x => outline.Pixel(x, y))).ToList();
        Assert.All(outlinePixels, p => Assert.True(p is [0xFF, 0xFF, 0xFF, 0xFF] or [_, _, _, 0x00], "outline pixels are white or transparent"));
        Assert.Contains(outlinePixels, p => p[3] == 0);
        Assert.Contains(outlinePixels, p => p[3] == 0xFF);
    }

    [Fact]
    public async Task The_zip_holds_exactly_the_manifest_both_icons_and_the_German_localization_at_its_root()
    {
        await RunAsync(Config(("Teams:AppId", BotId), ("TeamsApp:WebsiteUrl", "https://owner.example")));

        var zipPath = Assert.Single(Directory.GetFiles(directory, "*.zip"));
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "de-de.json", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using var manifest = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        Assert.Equal(BotId, (string?)JsonNode.Parse(manifest.ReadToEnd())!["bots"]![0]!["botId"]);
    }

    [Fact]
    public async Task The_manifest_names_its_German_localization_which_follows_the_schema_and_the_owners_app_name()
    {
        var (code, _, _) = await RunAsync(Config(("Teams:AppId", BotId), ("TeamsApp:WebsiteUrl", "https://owner.example"), ("TeamsApp:ShortName", "Müller Rechnungen")));

        Assert.Equal(0, code);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "manifest.json")))!;
        Assert.Equal("en-us", (string?)manifest["localizationInfo"]!["defaultLanguageTag"]);
        var german = Assert.Single(manifest["localizationInfo"]!["additionalLanguages"]!.AsArray())!;
        Assert.Equal(("de-de", "de-de.json"), ((string?)german["languageTag"], (string?)german["file"]));
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "de-de.json")))!.AsObject();
        Assert.Equal(["$schema", "name.short", "name.full", "description.short", "description.full"], file.Select(p => p.Key));
        Assert.Equal(TeamsAppPackage.LocalizationSchemaUrl, (string?)file["$schema"]);
        Assert.Equal("Müller Rechnungen", (string?)file["name.short"]);
        Assert.Equal("Müller Rechnungen – Zahlungserinnerungen", (string?)file["name.full"]);
        Assert.Equal("Fragen zu Ihren offenen Rechnungen, im Chat beantwortet.", (string?)file["description.short"]);
        Assert.InRange(((string)file["description.full"]!).Length, 1, 4000);
    }

    [Fact]
    public async Task With_German_as_the_default_language_the_package_adds_English_and_a_German_terminal_says_so()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var config = Config(("Teams:AppId", BotId), ("TeamsApp:WebsiteUrl", "https://owner.example"), ("TeamsApp:DefaultLanguage", "de"));

        var code = await new TeamsPackageVerb(config).RunAsync(["--out", directory, "--lang", "de"], output, error, default);

        Assert.Equal(0, code);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "manifest.json")))!;
        Assert.Equal("de-de", (string?)manifest["localizationInfo"]!["defaultLanguageTag"]);
        Assert.True(File.Exists(Path.Combine(directory, "en-us.json")));
        Assert.Contains("Teams-App-Paket gespeichert in", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Sprachen de-de, en-us", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_default_language_is_reported()
    {
        Assert.Null(TeamsAppPackage.TryBuild(BotId, new TeamsAppOptions { DefaultLanguage = "fr", WebsiteUrl = "https://owner.example" }, null, out var problems));
        Assert.Contains(problems, p => p.Contains("TeamsApp:DefaultLanguage", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "https://owner.example", "Teams:AppId")]
    [InlineData("not-a-guid", "https://owner.example", "Teams:AppId")]
    [InlineData(BotId, "http://owner.example", "TeamsApp:WebsiteUrl")]
    public async Task Missing_or_invalid_settings_are_named_and_nothing_is_written(string? appId, string website, string named)
    {
        var (code, _, error) = await RunAsync(Config(("Teams:AppId", appId), ("TeamsApp:WebsiteUrl", website)));

        Assert.Equal(1, code);
        Assert.Contains(named, error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(directory));
    }

    [Fact]
    public void Overlong_names_and_a_bad_colour_are_reported()
    {
        var package = TeamsAppPackage.TryBuild(BotId, new TeamsAppOptions
        {
            ShortName = new string('n', 31),
            AccentColor = "blue",
            WebsiteUrl = "https://owner.example",
        }, null, out var problems);

        Assert.Null(package);
        Assert.Contains(problems, p => p.Contains("TeamsApp:ShortName", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("TeamsApp:AccentColor", StringComparison.Ordinal));
    }

    /// <summary>A strict little PNG reader: signature, chunk CRCs, IHDR (8-bit RGBA), IDAT inflated, filter type 0 rows.</summary>
    private static Png ReadPng(byte[] bytes)
    {
        Assert.Equal(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }, bytes[..8]);
        var offset = 8;
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        var types = new List<string>();
        while (offset < bytes.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
            var type = Encoding.ASCII.GetString(bytes, offset + 4, 4);
            var data = bytes.AsSpan(offset + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset + 8 + length));
            Assert.Equal(System.IO.Hashing.Crc32.HashToUInt32(bytes.AsSpan(offset + 4, 4 + length)), crc);
            types.Add(type);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal(8, data[8]);
                Assert.Equal(6, data[9]);
            }
            else if (type == "IDAT")
                idat.Write(data);
            offset += 12 + length;
        }
        Assert.Equal(["IHDR", "IDAT", "IEND"], types);
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
            zlib.CopyTo(inflated);
        var raw = inflated.ToArray();
        Assert.Equal(height * (1 + (width * 4)), raw.Length);
        return new Png(width, height, raw);
    }

    private sealed record Png(int Width, int Height, byte[] Raw)
    {
        public byte[] Pixel(int x, int y)
        {
            var row = y * (1 + (Width * 4));
            Assert.Equal(0, Raw[row]);
            return Raw.AsSpan(row + 1 + (x * 4), 4).ToArray();
        }
    }
}
