using Dunning.Bot.Staff.Audit;

namespace Dunning.Bot.Staff.Pages;

/// <summary>The latest staff actions (owner only, see the page convention in AddStaffConsole).</summary>
public sealed class AuditModel(IAuditLog audit) : ConsolePage
{
    public const int Shown = 500;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Entries = await audit.ListAsync(null, Shown, cancellationToken);
}
