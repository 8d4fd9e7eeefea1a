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

    public Uri ChatLink(string linkToken) => new($"{PublicBaseUrl.TrimEnd('/')}/chat?t={Uri.EscapeDataString(linkToken)}");
}
