using LiteDB;

namespace Dunning.Bot.Storage;

/// <summary>
/// Parameterized LiteDB filters. <c>Query.EQ</c>, <c>Query.Between</c> and friends write the value into the
/// expression's source text, and LiteDB parses, compiles (a DynamicMethod) and caches one delegate per distinct
/// source, forever: every new id or link token costs a compilation and leaks its delegate. These filters keep one
/// source per field (the value travels as the parameter <c>@0</c>), so each is compiled once per process; LiteDB
/// still picks the field's index for them.
/// </summary>
internal static class Filter
{
    /// <summary><c>$.field = value</c>.</summary>
    public static BsonExpression Eq(string field, BsonValue value) => BsonExpression.Create($"$.{field} = @0", value ?? BsonValue.Null);

    /// <summary><c>$.field</c> between <paramref name="from"/> and <paramref name="to"/>, both included.</summary>
    public static BsonExpression Between(string field, BsonValue from, BsonValue to) =>
        BsonExpression.Create($"$.{field} BETWEEN @0 AND @1", from ?? BsonValue.Null, to ?? BsonValue.Null);

    /// <summary><c>_id = id AND $.Version = version</c>: the optimistic-concurrency match of one document.</summary>
    public static BsonExpression IdAndVersion(BsonValue id, int version) =>
        BsonExpression.Create("$._id = @0 AND $.Version = @1", id, version);
}
