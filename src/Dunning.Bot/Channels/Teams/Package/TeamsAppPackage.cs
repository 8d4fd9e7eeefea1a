using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dunning.Bot.Channels.Teams.Package;

/// <summary>
/// The Teams app package for upload (Teams admin center or "Upload a custom app"): <c>manifest.json</c> in the
/// current schema (1.22) with the bot in personal scope, a 192×192 colour icon and a 32×32 white-on-transparent
/// outline icon, zipped flat.
/// </summary>
public sealed class TeamsAppPackage
{
    public const string ManifestVersion = "1.22";
    public const string SchemaUrl = "https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json";
    public const string ManifestFile = "manifest.json";
    public const string ColorIconFile = "color.png";
    public const string OutlineIconFile = "outline.png";

    public const string LocalizationSchemaUrl = "https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.Localization.schema.json";

    private TeamsAppPackage(JsonObject manifest, byte[] colorIcon, byte[] outlineIcon, IReadOnlyDictionary<string, JsonObject> localizations)
    {
        Manifest = manifest;
        ColorIcon = colorIcon;
        OutlineIcon = outlineIcon;
        Localizations = localizations;
    }

    /// <summary>The localization files by file name (e.g. <c>de-de.json</c>), listed in the manifest's <c>localizationInfo</c>.</summary>
    public IReadOnlyDictionary<string, JsonObject> Localizations { get; }

    public JsonObject Manifest { get; }

    public byte[] ColorIcon { get; }

    public byte[] OutlineIcon { get; }

    /// <summary>Builds the package, or returns the problems (naming the settings) that prevent it.</summary>
    public static TeamsAppPackage? TryBuild(string? botAppId, TeamsAppOptions app, string? publicBaseUrl, out IReadOnlyList<string> problems,
        IReadOnlyList<TeamsAppTexts>? translations = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        translations ??= [];
        var found = new List<string>();
        if (!TeamsAppTexts.Tags.ContainsKey(app.DefaultLanguage))
            found.Add("TeamsApp:DefaultLanguage must be en or de.");
        foreach (var t in translations)
        {
            CheckLength(found, $"dialogs/teams.{t.Language}.yaml app_short_name", t.ShortName, 30);
            CheckLength(found, $"dialogs/teams.{t.Language}.yaml app_full_name", t.FullName, 100);
            CheckLength(found, $"dialogs/teams.{t.Language}.yaml app_short_description", t.ShortDescription, 80);
            CheckLength(found, $"dialogs/teams.{t.Language}.yaml app_full_description", t.FullDescription, 4000);
        }
        if (!Guid.TryParse(botAppId, out var botId))
            found.Add("Teams:AppId must be the bot's Microsoft App ID (a GUID) from the Azure Bot registration.");
        var appId = string.IsNullOrWhiteSpace(app.Id) ? botId : Guid.TryParse(app.Id, out var id) ? id : Guid.Empty;
        if (appId == Guid.Empty)
            found.Add("TeamsApp:Id must be a GUID (or empty to use Teams:AppId).");
        if (!System.Version.TryParse(app.Version, out var version) || version.Build < 0 || version.Revision >= 0)
            found.Add("TeamsApp:Version must look like 1.0.0.");
        CheckLength(found, "TeamsApp:ShortName", app.ShortName, 30);
        CheckLength(found, "TeamsApp:FullName", app.FullName, 100);
        CheckLength(found, "TeamsApp:ShortDescription", app.ShortDescription, 80);
        CheckLength(found, "TeamsApp:FullDescription", app.FullDescription, 4000);
        CheckLength(found, "TeamsApp:DeveloperName", app.DeveloperName, 32);
        var website = Https(app.WebsiteUrl) ?? Https(publicBaseUrl);
        if (website is null)
            found.Add("TeamsApp:WebsiteUrl must be an https URL (or Bot:PublicBaseUrl must be https).");
        var privacy = string.IsNullOrWhiteSpace(app.PrivacyUrl) ? Combine(website, "privacy") : Https(app.PrivacyUrl);
        var terms = string.IsNullOrWhiteSpace(app.TermsOfUseUrl) ? Combine(website, "terms") : Https(app.TermsOfUseUrl);
        if (privacy is null || terms is null)
            found.Add("TeamsApp:PrivacyUrl and TeamsApp:TermsOfUseUrl must be https URLs.");
        if (!IsColor(app.AccentColor))
            found.Add("TeamsApp:AccentColor must be #RRGGBB.");
        problems = found;
        if (found.Count > 0)
            return null;

        var manifest = new JsonObject
        {
            ["$schema"] = SchemaUrl,
            ["manifestVersion"] = ManifestVersion,
            ["version"] = app.Version,
            ["id"] = appId.ToString("D"),
            ["developer"] = new JsonObject
            {
                ["name"] = app.DeveloperName,
                ["websiteUrl"] = website!.ToString(),
                ["privacyUrl"] = privacy!.ToString(),
                ["termsOfUseUrl"] = terms!.ToString(),
            },
            ["name"] = new JsonObject { ["short"] = app.ShortName, ["full"] = app.FullName },
            ["description"] = new JsonObject { ["short"] = app.ShortDescription, ["full"] = app.FullDescription },
            ["icons"] = new JsonObject { ["color"] = ColorIconFile, ["outline"] = OutlineIconFile },
            ["accentColor"] = app.AccentColor.ToUpperInvariant(),
            ["bots"] = new JsonArray(new JsonObject
            {
                ["botId"] = botId.ToString("D"),
                ["scopes"] = new JsonArray("personal"),
                // Debtors may send a transfer confirmation as a file in the personal chat (proof of payment).
                ["supportsFiles"] = true,
                ["isNotificationOnly"] = false,
            }),
            ["permissions"] = new JsonArray("identity", "messageTeamMembers"),
            ["validDomains"] = ValidDomains(publicBaseUrl),
        };
        var others = translations.Where(t => t.Language != app.DefaultLanguage && TeamsAppTexts.Tags.ContainsKey(t.Language)).ToList();
        if (others.Count > 0)
        {
            manifest["localizationInfo"] = new JsonObject
            {
                ["defaultLanguageTag"] = TeamsAppTexts.Tags[app.DefaultLanguage],
                ["additionalLanguages"] = new JsonArray([.. others.Select(t => (JsonNode)new JsonObject { ["languageTag"] = t.Tag, ["file"] = t.FileName })]),
            };
        }
        return new TeamsAppPackage(manifest, TeamsAppIcons.Color(), TeamsAppIcons.Outline(),
            others.ToDictionary(t => t.FileName, t => t.ToLocalizationFile()));
    }

    /// <summary>The zip for upload: the three files at its root.</summary>
    public byte[] ToZip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, ManifestFile, ManifestBytes());
            Add(zip, ColorIconFile, ColorIcon);
            Add(zip, OutlineIconFile, OutlineIcon);
            foreach (var (file, content) in Localizations)
                Add(zip, file, Json(content));
        }
        return buffer.ToArray();
    }

    public byte[] ManifestBytes() => Json(Manifest);

    /// <summary>Writes manifest.json, the icons and <c>{shortName}.zip</c> into <paramref name="directory"/>; returns the zip's path.</summary>
    public string WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, ManifestFile), ManifestBytes());
        File.WriteAllBytes(Path.Combine(directory, ColorIconFile), ColorIcon);
        File.WriteAllBytes(Path.Combine(directory, OutlineIconFile), OutlineIcon);
        foreach (var (file, content) in Localizations)
            File.WriteAllBytes(Path.Combine(directory, file), Json(content));
        var zipName = string.Concat(((string)Manifest["name"]!["short"]!).Where(char.IsLetterOrDigit)) is { Length: > 0 } n ? n : "teams-app";
        var zipPath = Path.Combine(directory, zipName + ".zip");
        File.WriteAllBytes(zipPath, ToZip());
        return zipPath;
    }

    private static byte[] Json(JsonObject content) =>
        JsonSerializer.SerializeToUtf8Bytes(content, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(content);
    }

    private static JsonArray ValidDomains(string? publicBaseUrl) =>
        Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var uri) && !uri.IsLoopback && uri.Scheme == Uri.UriSchemeHttps
            ? new JsonArray(uri.Host)
            : new JsonArray();

    private static void CheckLength(List<string> problems, string setting, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > max)
            problems.Add($"{setting} must have 1 to {max} characters.");
    }

    private static Uri? Https(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri : null;

    private static Uri? Combine(Uri? website, string page) =>
        website is null ? null : new Uri(new Uri(website.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/"), page);

    private static bool IsColor(string? value) =>
        value is { Length: 7 } && value[0] == '#' && uint.TryParse(value.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _);
}
