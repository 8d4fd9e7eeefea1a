using System.ComponentModel.DataAnnotations;

namespace Dunning.Bot.Hosting;

/// <summary>Host-wide settings (section <c>Bot</c>).</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>The address debtors and staff reach this host at; chat links and console links start with it.</summary>
    [Required, Url]
    public string PublicBaseUrl { get; init; } = "http://localhost:5080";

    /// <summary>Seed demo debtors and invoices when the store is empty (Development only).</summary>
    public bool SeedDemoData { get; init; } = true;

    // --- How the chat presents the creditor (header, favicon, staff notices) ---

    /// <summary>The name debtors see in the chat header and in "… von &lt;name&gt; ist dem Chat beigetreten"; empty = <c>Creditor:Name</c>, then <c>Payee:AccountHolder</c>.</summary>
    [MaxLength(100)]
    public string DisplayName { get; init; } = "";

    /// <summary>A logo file (PNG, JPEG, WebP or SVG) for the chat header and favicon, relative to the working directory or absolute; empty = initials.</summary>
    public string LogoPath { get; init; } = "";

    /// <summary>The largest logo file served; a bigger one is ignored with a warning at start-up.</summary>
    [Range(1024, 5 * 1024 * 1024)]
    public int LogoMaxBytes { get; init; } = 256 * 1024;

    public Uri ChatLink(string linkToken) => new($"{PublicBaseUrl.TrimEnd('/')}/chat?t={Uri.EscapeDataString(linkToken)}");
}
