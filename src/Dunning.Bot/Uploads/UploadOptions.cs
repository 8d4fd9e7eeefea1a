using System.ComponentModel.DataAnnotations;

namespace Dunning.Bot.Uploads;

/// <summary>Files debtors send as proof of payment (section <see cref="SectionName"/>).</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Uploads";

    /// <summary>Largest file accepted, in bytes (default 10 MB; 1 KB–50 MB). Telegram lets bots fetch at most 20 MB.</summary>
    [Range(1024, 50L * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Most files accepted in one message (default 5, 1–20); more are refused together.</summary>
    [Range(1, 20)]
    public int MaxFilesPerMessage { get; set; } = 5;

    /// <summary>Most files kept for one debtor's case (default 30, 1–1000); beyond it further files are refused.</summary>
    [Range(1, 1000)]
    public int MaxFilesPerCase { get; set; } = 30;

    /// <summary>
    /// Where the files are kept: empty (default) for LiteDB file storage inside the database file (encrypted with it when
    /// <c>Storage:Password</c> is set); or a folder (relative to the working directory), one file per upload, named by its id.
    /// </summary>
    public string? Folder { get; set; }

    /// <summary>How long the download of one file from a channel (Telegram, Teams) may take (default 30 s, 1 s–5 min).</summary>
    [Hosting.TimeSpanRange("00:00:01", "00:05:00")]
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
