namespace Dunning.Bot.Channels.Teams.Package;

/// <summary>
/// What the Teams app package shows in the Teams app store of the owner's tenant (section <c>TeamsApp</c>). The bot
/// id is <c>Teams:AppId</c>. URLs must be https; privacy and terms default to pages under the website.
/// </summary>
public sealed class TeamsAppOptions
{
    public const string SectionName = "TeamsApp";

    /// <summary>The Teams app id (a GUID); empty uses <c>Teams:AppId</c>, as most single-bot apps do.</summary>
    public string? Id { get; set; }

    /// <summary>The package version (x.y.z); raise it for every upload of a changed package.</summary>
    public string Version { get; set; } = "1.0.0";

    /// <summary>
    /// The language of the names and descriptions below (<c>en</c> or <c>de</c>): the manifest's default language. The
    /// package adds a localization file for the other one, worded in <c>dialogs/teams.&lt;lang&gt;.yaml</c>.
    /// </summary>
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>Short name (at most 30 characters).</summary>
    public string ShortName { get; set; } = "Dunning.Bot";

    /// <summary>Full name (at most 100 characters).</summary>
    public string FullName { get; set; } = "Dunning.Bot payment reminders";

    /// <summary>Short description (at most 80 characters).</summary>
    public string ShortDescription { get; set; } = "Questions about your open invoices, answered in chat.";

    /// <summary>Full description (at most 4000 characters).</summary>
    public string FullDescription { get; set; } =
        "Dunning.Bot reminds you politely of open invoices, answers questions about them, shows how to pay and agrees " +
        "on a deferral or an instalment plan. A person takes over whenever you ask.";

    public string DeveloperName { get; set; } = "Dunning.Bot";

    /// <summary>The developer's website; empty uses <c>Bot:PublicBaseUrl</c> when it is https.</summary>
    public string? WebsiteUrl { get; set; }

    /// <summary>Empty: {website}/privacy.</summary>
    public string? PrivacyUrl { get; set; }

    /// <summary>Empty: {website}/terms.</summary>
    public string? TermsOfUseUrl { get; set; }

    /// <summary>The manifest's accent colour (#RRGGBB): Teams shows the outline icon on it. The colour icon is the embedded one.</summary>
    public string AccentColor { get; set; } = "#2B5797";
}
