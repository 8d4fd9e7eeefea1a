using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Dunning.Bot.Storage;

namespace Dunning.Bot.Tests.Storage;

/// <summary>
/// One storage boundary: channels, staff, scheduling and the rest of the host reach storage through ports, so a second
/// provider replaces <c>Storage/LiteDb</c> and nothing else. Only that folder uses the LiteDB library or names its types.
/// </summary>
public sealed partial class Only_the_LiteDb_provider_knows_LiteDB
{
    private const string ProviderNamespace = "Dunning.Bot.Storage.LiteDb";

    [Fact]
    public void No_host_source_outside_Storage_LiteDb_uses_the_LiteDB_namespace()
    {
        var host = Path.Combine(SourceRoot(), "src");
        var provider = Path.Combine(host, "Dunning.Bot", "Storage", "LiteDb") + Path.DirectorySeparatorChar;
        var offending = Directory.EnumerateFiles(host, "*.*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(p => !IsBuildOutput(p) && !p.StartsWith(provider, StringComparison.Ordinal))
            .Where(p => LiteDbNamespace().IsMatch(File.ReadAllText(p)))
            .Select(p => Path.GetRelativePath(host, p))
            .ToList();

        Assert.True(offending.Count == 0, "LiteDB is used outside Storage/LiteDb in: " + string.Join(", ", offending));
    }

    [Fact]
    public void No_host_type_outside_the_provider_takes_or_exposes_a_LiteDB_or_provider_type()
    {
        var offending = typeof(StorageOptions).Assembly.GetTypes()
            .Where(t => !InProvider(t))
            .SelectMany(t => Signatures(t).Where(InProvider).Select(used => $"{t.FullName} uses {used.FullName}"))
            .Distinct()
            .ToList();

        Assert.True(offending.Count == 0, "Types outside Storage/LiteDb depend on the provider:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void The_check_recognises_LiteDB_in_source()
    {
        Assert.Matches(LiteDbNamespace(), "using LiteDB;");
        Assert.Matches(LiteDbNamespace(), "catch (LiteDB.LiteException ex)");
        Assert.DoesNotMatch(LiteDbNamespace(), "/// Everything lives in LiteDB. The file is encrypted.");
        Assert.DoesNotMatch(LiteDbNamespace(), "using Dunning.Bot.Storage;");
    }

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Every type a type's own members take, return or keep (and its base type and interfaces).</summary>
    private static IEnumerable<Type> Signatures(Type type) =>
        new[] { type.BaseType }.Concat(type.GetInterfaces())
            .Concat(type.GetFields(Declared).Select(f => f.FieldType))
            .Concat(type.GetProperties(Declared).Select(p => p.PropertyType))
            .Concat(type.GetConstructors(Declared).SelectMany(c => c.GetParameters()).Select(p => p.ParameterType))
            .Concat(type.GetMethods(Declared).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
            .OfType<Type>()
            .SelectMany(Unwrap);

    private static IEnumerable<Type> Unwrap(Type type) =>
        type.HasElementType ? Unwrap(type.GetElementType()!)
        : type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrap).Prepend(type)
        : [type];

    private static bool InProvider(Type type)
    {
        // Closures and state machines belong to the type they were written in.
        var declaring = type;
        while (declaring.DeclaringType is { } outer)
            declaring = outer;
        var ns = declaring.Namespace ?? "";
        return ns == "LiteDB" || ns.StartsWith("LiteDB.", StringComparison.Ordinal)
            || ns == ProviderNamespace || ns.StartsWith(ProviderNamespace + ".", StringComparison.Ordinal);
    }

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    /// <summary>The checkout this test was compiled from (its own file sits in tests/Dunning.Bot.Tests/Storage).</summary>
    private static string SourceRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));

    [GeneratedRegex(@"\busing\s+(static\s+)?LiteDB\b|\bLiteDB\.[A-Z]")]
    private static partial Regex LiteDbNamespace();
}
