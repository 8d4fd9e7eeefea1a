using System.Net;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using Microsoft.Extensions.DependencyInjection;

using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Channels.Teams;

/// <summary>
/// A Bot Framework turn on /api/messages writes everything (transcript, bot state, conversation link) in one LiteDB
/// transaction, like a web chat turn: the bot runs inside a unit of work, and the unit is committed before the answer.
/// </summary>
public sealed class A_teams_turn_commits_once : IAsyncLifetime
{
    private TeamsChannelHarness teams = null!;

    public async Task InitializeAsync() => teams = await TeamsChannelHarness.StartAsync();

    public async Task DisposeAsync() => await teams.DisposeAsync();

    [LiteDbOnlyFact("it watches LiteDB's unit of work and transcript collection (A_turn_on_postgresql_is_one_transaction covers PostgreSQL)")]
    public async Task The_bot_runs_inside_a_unit_of_work_that_is_committed_before_the_answer()
    {
        var database = teams.Host.Services.GetRequiredService<LiteDbContext>();
        teams.Bot.Observe = () => database.UnitOfWork is { IsOpen: true };
        int Entries() => LiteTranscriptStore.CountEntries(database.Database);
        var before = Entries();
        var message = teams.Fixture("teams-message.json");
        message["text"] = "two";
        message["deliveryMode"] = "expectReplies";

        using var response = await teams.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([true], teams.Bot.Observed);
        Assert.Null(database.UnitOfWork);
        // Both replies are in the transcript once the answer is out.
        Assert.True(Entries() - before >= 2, $"{Entries() - before} transcript entries were written");
    }

    [LiteDbOnlyFact("it counts LiteDB's transcript collection (A_turn_on_postgresql_is_one_transaction covers PostgreSQL)")]
    public async Task Turns_of_many_conversations_at_once_are_all_committed()
    {
        var database = teams.Host.Services.GetRequiredService<LiteDbContext>();
        int Entries() => LiteTranscriptStore.CountEntries(database.Database);
        var before = Entries();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(n =>
        {
            var message = teams.Fixture("teams-message.json");
            message["id"] = $"parallel-{n}";
            message["conversation"]!["id"] = $"a:parallel-{n}";
            message["text"] = "two";
            message["deliveryMode"] = "expectReplies";
            return teams.PostAsync(message);
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var response in responses)
            response.Dispose();
        Assert.Equal(12, teams.Bot.Turns.Count);
        Assert.True(Entries() - before >= 24, $"{Entries() - before} transcript entries were written");
    }
}
