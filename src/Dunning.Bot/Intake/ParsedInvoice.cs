using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Intake;

/// <summary>A valid invoice from the file, where it came from, and whether the file says anything about its lines and link.</summary>
internal sealed record ParsedInvoice(Invoice Invoice, int FirstRow, int RowCount);
