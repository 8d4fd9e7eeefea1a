using System.Security.Cryptography;
using System.Text;
using LiteDB;

namespace Dunning.Bot.Tests.Fuzzing;

/// <summary>Every collection of a LiteDB file with its document count and a hash of its contents: equal snapshots mean nothing was written.</summary>
internal static class DataSnapshot
{
    public static IReadOnlyDictionary<string, string> Of(LiteDatabase database) =>
        database.GetCollectionNames().Order(StringComparer.Ordinal).ToDictionary(name => name, name =>
        {
            var documents = database.GetCollection(name).FindAll().Select(d => d.ToString()).Order(StringComparer.Ordinal).ToList();
            return $"{documents.Count} documents, {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", documents))))[..16]}";
        });
}
