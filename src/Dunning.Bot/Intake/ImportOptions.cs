namespace Dunning.Bot.Intake;

/// <summary>Limits of the CSV invoice import (configuration section <c>Import</c>).</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>Larger files are refused before reading (a clear error, nothing imported).</summary>
    public int MaxFileMegabytes { get; set; } = 100;

    /// <summary>At most this many problems are listed; the rest are counted.</summary>
    public int MaxReportedProblems { get; set; } = 500;

    /// <summary>A longer row (for example one with a quote that is never closed) makes the file malformed.</summary>
    public int MaxRowBytes { get; set; } = 64 * 1024;
}
