using System.Globalization;
using Dunning.Bot.Storage.Migration;

namespace Dunning.Bot.Cli;

/// <summary>The table <see cref="MigrateStorageVerb"/> prints: one row per kind, the column titles in the owner's language.</summary>
internal sealed partial class MigrateStorageVerb
{
    private static readonly string[] Columns = ["kind", "source", "same", "different", "copied", "target", "checksum", "verified"];

    private static void WriteTable(IReadOnlyList<KindReport> reports, CliText text, TextWriter output)
    {
        List<string[]> rows = [[.. Columns.Select(c => text.Say("migrate_col_" + c))]];
        foreach (var r in reports)
        {
            rows.Add(
            [
                r.Kind, Number(r.Source.Count), Number(r.Same), Number(r.Different), Number(r.Copied),
                r.Target is { } target ? Number(target.Count) : "-",
                r.Source.Value,
                r.Target is null ? text.Say("migrate_not_verified") : r.Verified ? text.Say("migrate_ok") : text.Say("migrate_mismatch"),
            ]);
        }
        var widths = Enumerable.Range(0, Columns.Length).Select(i => rows.Max(row => row[i].Length)).ToArray();
        foreach (var row in rows)
        {
            // The kind left-aligned, the figures right-aligned, the checksum and verdict left-aligned.
            var cells = row.Select((cell, i) => i is 0 or 6 or 7 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]));
            output.WriteLine(("  " + string.Join("  ", cells)).TrimEnd());
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
