using System.Net;
using System.Net.Http.Json;
using Dunning.Bot.Storage.LiteDb;
using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage;

/// <summary>
/// LiteDB 5 cannot read a collection while another transaction creates it ("page type must be collection page"), and
/// then closes its engine: a fresh file must hold every collection a turn writes before the first turn.
/// </summary>
public sealed class A_fresh_file_has_every_collection_before_the_first_turn
{
    [Fact]
    public void Opening_a_new_file_creates_every_written_collection_empty()
    {
        using var temp = new TempDatabase();
        using (var context = temp.Open())
        {
            foreach (var name in LiteDbContext.WrittenCollections)
            {
                Assert.True(context.Database.CollectionExists(name), $"{name} is missing in a fresh file");
                Assert.Equal(0, context.Database.GetCollection(name).Count());
            }
        }
        // Opening it again finds them and adds nothing.
        using var again = temp.Open();
        Assert.All(LiteDbContext.WrittenCollections, name => Assert.Equal(0, again.Database.GetCollection(name).Count()));
    }

    [LiteDbOnlyFact("the race is inside LiteDB: a fresh file's collections created while turns read them")]
    public async Task Sixty_first_turns_at_once_on_a_fresh_file_all_get_answers()
    {
        using var host = new BotHost(environment: "Development");
        var turns = Enumerable.Range(0, 60).Select(async i =>
        {
            using var client = host.CreateHttpClient();
            var response = await client.PostAsJsonAsync("/api/messages", new
            {
                type = "message",
                id = $"a{i}",
                channelId = "emulator",
                serviceUrl = "http://127.0.0.1:1",
                from = new { id = $"user{i}", name = "Debtor" },
                recipient = new { id = "bot" },
                conversation = new { id = $"fresh-{i}" },
                text = "Hallo",
                locale = "de-DE",
                deliveryMode = "expectReplies",
            });
            return response.StatusCode;
        });
        Assert.All(await Task.WhenAll(turns), status => Assert.Equal(HttpStatusCode.OK, status));
    }
}
