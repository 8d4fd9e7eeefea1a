using System.Globalization;
using Dunning.Bot.Storage.LiteDb.Documents;
using LiteDB;
using LiteDB.Engine;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>
/// The one <see cref="LiteDatabase"/> of the process (a singleton): opens or creates the file, creates its folder,
/// configures the mapper once and ensures the indexes. Strings compare ordinally (invoice numbers, access codes and
/// link tokens are case-sensitive identifiers, not prose).
/// </summary>
public sealed class LiteDbContext : IUnitOfWorkFactory, IDisposable
{
    internal const string Debtors = "debtors";
    internal const string Invoices = "invoices";
    internal const string Cases = "cases";
    internal const string Agreements = "agreements";
    internal const string Escalations = "escalations";

    /// <summary>
    /// Opens the file of <paramref name="options"/>; in <see cref="StorageConnection.Direct"/> mode first takes its
    /// <see cref="DatabaseFileLock"/> (held until disposed) or throws <see cref="DatabaseInUseException"/>.
    /// </summary>
    public LiteDbContext(StorageOptions options, TimeProvider? clock = null)
        : this(Lock(options ?? throw new ArgumentNullException(nameof(options)), clock ?? TimeProvider.System), options)
    {
    }

    private LiteDbContext(DatabaseFileLock? fileLock, StorageOptions options)
        : this(OpenOrRelease(options, fileLock), options.Password)
    {
        this.fileLock = fileLock;
        Exclusive = options.Connection == StorageConnection.Direct;
    }

    /// <summary>Over a stream (tests, tools): no encryption, nothing on disk.</summary>
    public LiteDbContext(Stream stream)
        : this(Cached(new LiteEngine(new EngineSettings { DataStream = stream, Collation = OrdinalCollation }), new StorageOptions().CachedDocuments), password: null)
    {
    }

    private LiteDbContext((LiteDatabase Database, CachingLiteEngine? Cache) opened, string? password)
        : this(opened.Database, password) => cache = opened.Cache;

    private readonly AsyncLocal<LiteUnitOfWork?> unitOfWork = new();

    /// <summary>Queues the commits of units of work (<see cref="LiteUnitOfWork.CommitAsync"/>) one at a time.</summary>
    internal SemaphoreSlim CommitGate { get; } = new(1, 1);
    private readonly DatabaseFileLock? fileLock;
    private readonly CachingLiteEngine? cache;

    private LiteDbContext(LiteDatabase database, string? password)
    {
        Database = database;
        // A file made elsewhere may carry LiteDB's default culture/IgnoreCase collation; rebuild it once.
        if (database.Collation.SortOptions != CompareOptions.Ordinal)
            database.Rebuild(new RebuildOptions { Collation = OrdinalCollation, Password = string.IsNullOrEmpty(password) ? null : password });
        EnsureIndexes();
        CreateCollections();
    }

    /// <summary>
    /// Every collection a turn or a channel may write. LiteDB 5 cannot read a collection while another transaction is
    /// creating it: the reader meets a page that is not yet a collection page ("page type must be collection page") and
    /// the engine closes itself — the first turns of a fresh file, arriving together, took the bot down that way.
    /// </summary>
    internal static readonly IReadOnlyList<string> WrittenCollections =
    [
        Debtors, Invoices, Cases, Agreements, Escalations, LiteBotStorage.CollectionName, LiteConversationStore.CollectionName,
        LiteTranscriptStore.CollectionName, LiteOutbox.Collection, LiteWebChatStore.Conversations, LiteWebChatStore.Activities,
        LiteWebChatStore.ClientIds, LiteSigningKeyStore.Collection, LiteTeamsStore.ServiceUrlsCollection, LiteTeamsStore.OwnerCollection,
        LiteTeamsStore.DeliveriesCollection, LiteTelegramStore.Updates, LiteTelegramStore.State, LiteTelegramStore.Buttons,
        LiteEmailStore.Tokens, LiteEmailStore.Sent, LiteEmailStore.State, LiteEmailStore.Inbound, LiteEmailStore.Received,
        LiteBankReviewStore.CollectionName, LitePayerAccountStore.CollectionName, LiteProofStore.CollectionName,
        LiteStaffAccountStore.CollectionName, LiteAuditLog.CollectionName,
    ];

    public LiteDatabase Database { get; }

    /// <summary>
    /// No other process writes this database (a stream, or a file opened <see cref="StorageConnection.Direct"/> under its
    /// lock): what this process committed last is what the file holds, so stores may answer from memory what they wrote.
    /// </summary>
    internal bool Exclusive { get; } = true;

    /// <summary>The unit of work of the current async flow, if one was begun and is not finished.</summary>
    /// (Work started during a turn that outlives it finds the finished unit and writes on its own again.)
    public LiteUnitOfWork? UnitOfWork => unitOfWork.Value is { IsOpen: true } open ? open : null;

    /// <summary>
    /// Starts collecting the writes of this async flow (and the flows it starts) into one transaction; see
    /// <see cref="LiteUnitOfWork"/>. Commit it before answering the caller; dispose it in any case.
    /// </summary>
    public LiteUnitOfWork BeginUnitOfWork()
    {
        if (unitOfWork.Value is not null)
            throw new InvalidOperationException("A unit of work is already open in this flow.");
        var begun = new LiteUnitOfWork(this);
        unitOfWork.Value = begun;
        return begun;
    }

    IUnitOfWork IUnitOfWorkFactory.BeginUnitOfWork() => BeginUnitOfWork();

    internal void EndUnitOfWork(LiteUnitOfWork finished)
    {
        if (ReferenceEquals(unitOfWork.Value, finished))
            unitOfWork.Value = null;
    }

    internal ILiteCollection<BsonDocument> Collection(string name) => Database.GetCollection(name, BsonAutoId.ObjectId);

    /// <summary>
    /// The document with <paramref name="id"/> of <paramref name="collection"/> (named <paramref name="name"/>), or null:
    /// from the read cache of <see cref="CachingLiteEngine"/> where it holds that collection, else read by id.
    /// </summary>
    internal BsonDocument? FindById(string name, ILiteCollection<BsonDocument> collection, BsonValue id) =>
        cache is null ? Queries.FindById(collection, id) : cache.FindById(name, id, () => Queries.FindById(collection, id));

    /// <summary>
    /// As <see cref="FindById"/>, inside a transaction of this thread (the version and eTag checks of a commit): what the
    /// file holds at that moment, from the read cache while no write of the document is in flight.
    /// </summary>
    internal BsonDocument? FindByIdLocked(string name, ILiteCollection<BsonDocument> collection, BsonValue id) =>
        cache is null ? Queries.FindById(collection, id) : cache.FindByIdLocked(name, id, () => Queries.FindById(collection, id));

    /// <summary>The documents of <paramref name="collection"/> whose <paramref name="field"/> equals <paramref name="value"/>, cached like <see cref="FindById"/>.</summary>
    internal IReadOnlyList<BsonDocument> FindMany(string name, ILiteCollection<BsonDocument> collection, string field, string value)
    {
        IReadOnlyList<BsonDocument> Read() => [.. collection.Find(Queries.Eq(field, value))];
        return cache is null ? Read() : cache.FindMany(name, field + "\u0000" + value, Read);
    }

    public void Dispose()
    {
        Database.Dispose();
        CommitGate.Dispose();
        fileLock?.Dispose();
    }

    private static DatabaseFileLock? Lock(StorageOptions options, TimeProvider clock)
    {
        if (options.Connection != StorageConnection.Direct)
            return null;
        var path = System.IO.Path.GetFullPath(options.Path);
        if (System.IO.Path.GetDirectoryName(path) is { Length: > 0 } directory)
            Directory.CreateDirectory(directory);
        return DatabaseFileLock.Acquire(path, clock);
    }

    private static (LiteDatabase, CachingLiteEngine?) OpenOrRelease(StorageOptions options, DatabaseFileLock? fileLock)
    {
        try
        {
            return Open(options);
        }
        catch
        {
            fileLock?.Dispose();
            throw;
        }
    }

    private static (LiteDatabase, CachingLiteEngine?) Open(StorageOptions options)
    {
        var path = System.IO.Path.GetFullPath(options.Path);
        if (System.IO.Path.GetDirectoryName(path) is { Length: > 0 } directory)
            Directory.CreateDirectory(directory);
        var connection = new ConnectionString
        {
            Filename = path,
            Password = string.IsNullOrEmpty(options.Password) ? null : options.Password,
            Connection = options.Connection == StorageConnection.Shared ? ConnectionType.Shared : ConnectionType.Direct,
            Collation = OrdinalCollation,
        };
        try
        {
            // A file this process owns alone gets the read cache (every write passes through it); a shared one does not.
            if (options.Connection == StorageConnection.Direct && options.CachedDocuments > 0)
                return Cached(new LiteEngine(new EngineSettings { Filename = path, Password = connection.Password, Collation = OrdinalCollation }), options.CachedDocuments);
            return (new LiteDatabase(connection, Mapper), null);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException(
                $"The database file {path} is in use by another process. Stop it, or set {StorageOptions.SectionName}:Connection to Shared in both.", ex);
        }
    }

    private static readonly Collation OrdinalCollation = new(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal);

    /// <summary>
    /// One mapper for the process, as LiteDB's own <see cref="BsonMapper.Global"/> is shared: its configuration is fixed,
    /// and each mapper compiles a getter and a setter per member of every document type (and a regex) on first use —
    /// a process that opens many databases (the test hosts, <c>migrate-storage</c>) would compile them again for each.
    /// </summary>
    private static readonly BsonMapper Mapper = BsonValues.Configure(new BsonMapper());

    private static (LiteDatabase, CachingLiteEngine?) Cached(LiteEngine engine, int capacity)
    {
        if (capacity <= 0)
            return (new LiteDatabase(engine, Mapper), null);
        var cached = new CachingLiteEngine(engine, capacity);
        return (new LiteDatabase(cached, Mapper), cached);
    }

    private void EnsureIndexes()
    {
        Collection(Cases).EnsureIndex("NextActionAt", "$.NextActionAt");
        Collection(Invoices).EnsureIndex("DebtorId", "$.DebtorId");
        Collection(Debtors).EnsureIndex("AccessCode", "$.AccessCode", unique: true);
        Collection(Debtors).EnsureIndex("LinkToken", "$.LinkToken", unique: true);
        Collection(Agreements).EnsureIndex("DebtorId", "$.DebtorId");
        Collection(Agreements).EnsureIndex("State", "$.State");
        Collection(Escalations).EnsureIndex("State", "$.State");
        Collection(Escalations).EnsureIndex("DebtorId", "$.DebtorId");
    }

    /// <summary>Creates what <see cref="WrittenCollections"/> lists and the file lacks, before any turn can race for it.</summary>
    private void CreateCollections()
    {
        const string placeholder = "__created";
        foreach (var name in WrittenCollections.Where(name => !Database.CollectionExists(name)))
        {
            var collection = Collection(name);
            collection.Insert(new BsonDocument { ["_id"] = placeholder });
            collection.Delete(placeholder);
        }
    }
}
