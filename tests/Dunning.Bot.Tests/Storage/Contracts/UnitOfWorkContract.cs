using System.Text;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>
/// One turn, one transaction: the writes of the stores that join a turn (bot state, conversation link, transcript) are
/// seen inside it, land together at commit, and vanish together without it.
/// </summary>
public abstract class UnitOfWorkContract(IStorageUnderTest storage) : StorageContractBase(storage)
{
    private static readonly Dictionary<string, StoreItem> State = new() { ["webchat/c-1/state"] = new StoreItem(Encoding.UTF8.GetBytes("{}"), null) };

    private async Task WriteTurnAsync()
    {
        await Storage.Conversations.SaveAsync(ConversationStoreContract.Link("webchat/c-1", "D-1"), None);
        await Storage.Transcripts.AppendAsync(new TranscriptEntry("webchat/c-1", "D-1", Samples.Moment, TranscriptDirection.Inbound, "message", "hallo"), None);
        await Storage.BotState.WriteAsync(State, None);
    }

    [ContractFact]
    public async Task A_committed_turn_lands_all_its_writes_and_reads_its_own_inside()
    {
        await using (var turn = Storage.BeginTurn())
        {
            await WriteTurnAsync();
            Assert.NotNull(await Storage.Conversations.FindAsync("webchat/c-1", None));
            Assert.Single(await Storage.BotState.ReadAsync(State.Keys, None));
            await turn.CommitAsync(None);
        }

        var other = SecondHost();
        Assert.Equal(1, (await other.Conversations.FindAsync("webchat/c-1", None))!.Version);
        Assert.Single(await other.Transcripts.ListAsync("webchat/c-1", null, 10, None));
        Assert.Single(await other.BotState.ReadAsync(State.Keys, None));
    }

    [ContractFact]
    public async Task A_turn_ended_without_commit_writes_nothing()
    {
        await using (Storage.BeginTurn())
            await WriteTurnAsync();

        Assert.Null(await Storage.Conversations.FindAsync("webchat/c-1", None));
        Assert.Empty(await Storage.Transcripts.ListAsync("webchat/c-1", null, 10, None));
        Assert.Empty(await Storage.BotState.ReadAsync(State.Keys, None));
    }

    [ContractFact]
    public async Task A_refused_write_inside_a_turn_throws_there_and_the_rest_still_commits()
    {
        await Storage.BotState.WriteAsync(State, None);

        await using (var turn = Storage.BeginTurn())
        {
            await Storage.Transcripts.AppendAsync(new TranscriptEntry("webchat/c-1", "D-1", Samples.Moment, TranscriptDirection.Inbound, "message", "hallo"), None);
            await Assert.ThrowsAsync<StorageConflictException>(() => Storage.BotState.WriteAsync(State, None));
            await Storage.Conversations.SaveAsync(ConversationStoreContract.Link("webchat/c-1"), None);
            await turn.CommitAsync(None);
        }

        Assert.Single(await Storage.Transcripts.ListAsync("webchat/c-1", null, 10, None));
        Assert.NotNull(await Storage.Conversations.FindAsync("webchat/c-1", None));
    }

    [ContractFact]
    public async Task A_turn_does_not_hold_back_writes_outside_it()
    {
        await using var turn = Storage.BeginTurn();
        await Storage.Debtors.SaveAsync(Samples.Debtor("D-1"), None);

        Assert.NotNull(await SecondHost().Debtors.FindAsync("D-1", None));
        await turn.CommitAsync(None);
    }
}
