using System.Globalization;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb.Documents;

/// <summary>
/// How the domain's value types are stored. <see cref="DateTimeOffset"/> becomes its UTC ticks (Int64): exact to
/// the tick and ordered, unlike LiteDB's DateTime (milliseconds, local-time conversions). It comes back in UTC.
/// <see cref="DateOnly"/> becomes <c>yyyy-MM-dd</c>; enums their names (stable if members are reordered).
/// </summary>
internal static class BsonValues
{
    public static BsonValue From(DateTimeOffset value) => new(value.UtcTicks);

    public static BsonValue From(DateTimeOffset? value) => value is { } v ? From(v) : BsonValue.Null;

    public static BsonValue From(DateOnly value) => new(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static BsonValue From(DateOnly? value) => value is { } v ? From(v) : BsonValue.Null;

    public static BsonValue From(decimal? value) => value is { } v ? new BsonValue(v) : BsonValue.Null;

    public static BsonValue From<TEnum>(TEnum value) where TEnum : struct, Enum => new(value.ToString());

    public static BsonArray Strings(IEnumerable<string> values) => new(values.Select(v => new BsonValue(v)));

    public static DateTimeOffset ToDateTimeOffset(BsonValue value) => new(value.AsInt64, TimeSpan.Zero);

    public static DateTimeOffset? ToNullableDateTimeOffset(BsonValue value) => value.IsNull ? null : ToDateTimeOffset(value);

    public static DateOnly ToDateOnly(BsonValue value) => DateOnly.ParseExact(value.AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ToNullableDateOnly(BsonValue value) => value.IsNull ? null : ToDateOnly(value);

    public static decimal? ToNullableDecimal(BsonValue value) => value.IsNull ? null : value.AsDecimal;

    public static string? ToNullableString(BsonValue value) => value.IsNull ? null : value.AsString;

    public static TEnum ToEnum<TEnum>(BsonValue value) where TEnum : struct, Enum => Enum.Parse<TEnum>(value.AsString);

    public static List<string> ToStrings(BsonValue value) => value.IsArray ? [.. value.AsArray.Select(v => v.AsString)] : [];

    /// <summary>Registers the same conversions on a mapper, so typed queries and parameters agree with the documents.</summary>
    public static BsonMapper Configure(BsonMapper mapper)
    {
        mapper.RegisterType(v => From(v), ToDateTimeOffset);
        mapper.RegisterType(v => From(v), ToDateOnly);
        mapper.EnumAsInteger = false;
        return mapper;
    }
}
