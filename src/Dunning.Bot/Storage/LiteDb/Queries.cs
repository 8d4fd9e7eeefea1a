using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>
/// Parameterised predicates. LiteDB compiles each distinct expression text once and caches it; <c>Query.EQ</c> writes
/// the value into the text, so every lookup of a new value paid a fresh compile (~3 ms). With <c>@0</c> the text is
/// the same for every value and the compiled expression is reused (~0.05 ms).
/// </summary>
internal static class Queries
{
    /// <summary>Per thread: <c>_id = @0</c>, parsed once (see <see cref="FindById"/>).</summary>
    [ThreadStatic]
    private static BsonExpression? byId;

    /// <summary>
    /// The document with <paramref name="id"/>, or null: what <c>collection.FindById(id)</c> answers, without parsing
    /// <c>_id = @0</c> again for every lookup (LiteDB 5 parses each expression it is given, every time; the parse
    /// allocated more than the lookup on the hottest path of a turn). The parsed expression belongs to the calling
    /// thread and is only used while the synchronous query runs, with its parameter set for that query alone.
    /// </summary>
    public static BsonDocument? FindById(ILiteCollection<BsonDocument> collection, BsonValue id)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(id);
        var expression = byId ??= BsonExpression.Create("_id = @0", BsonValue.Null);
        expression.Parameters["0"] = id;
        try
        {
            return collection.FindOne(expression);
        }
        finally
        {
            expression.Parameters["0"] = BsonValue.Null;
        }
    }

    /// <summary>Per thread: <c>_id BETWEEN @0 AND @1</c>, parsed once (see <see cref="FindRange"/>).</summary>
    [ThreadStatic]
    private static BsonExpression? idRange;

    /// <summary>
    /// The first <paramref name="limit"/> documents whose <c>_id</c> lies between <paramref name="from"/> and
    /// <paramref name="to"/> (both included), in id order: one range read of the primary key, the expression parsed once
    /// per thread as in <see cref="FindById"/>.
    /// </summary>
    public static List<BsonDocument> FindRange(ILiteCollection<BsonDocument> collection, BsonValue from, BsonValue to, int limit)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var expression = idRange ??= BsonExpression.Create("_id BETWEEN @0 AND @1", BsonValue.Null, BsonValue.Null);
        expression.Parameters["0"] = from;
        expression.Parameters["1"] = to;
        try
        {
            return collection.Find(expression, limit: limit).ToList();
        }
        finally
        {
            expression.Parameters["0"] = BsonValue.Null;
            expression.Parameters["1"] = BsonValue.Null;
        }
    }

    public static BsonExpression Eq(string field, BsonValue value) => BsonExpression.Create($"$.{field} = @0", value);

    /// <summary><c>$.field</c> equal to one of <paramref name="values"/>.</summary>
    public static BsonExpression In(string field, IReadOnlyList<BsonValue> values) =>
        BsonExpression.Create($"$.{field} IN @0", new BsonArray(values));

    public static BsonExpression Greater(string field, BsonValue value) => BsonExpression.Create($"$.{field} > @0", value);

    /// <summary><c>$.field</c> between <paramref name="from"/> and <paramref name="to"/>, both included.</summary>
    public static BsonExpression Between(string field, BsonValue from, BsonValue to) =>
        BsonExpression.Create($"$.{field} BETWEEN @0 AND @1", from, to);
}
