namespace Dunning.Bot.Storage;

/// <summary>Begins the unit of work a channel adapter wraps around one turn (see <see cref="IUnitOfWork"/>).</summary>
public interface IUnitOfWorkFactory
{
    /// <summary>
    /// Starts collecting the writes of this async flow into one transaction. Throws when this flow already has one open:
    /// units do not nest.
    /// </summary>
    IUnitOfWork BeginUnitOfWork();
}
