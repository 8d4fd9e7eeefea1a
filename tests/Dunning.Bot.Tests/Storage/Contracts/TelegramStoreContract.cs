using Dunning.Bot.Channels.Telegram;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>
/// <see cref="ITelegramStore"/>: every update_id is accepted once (also after it was handled and across a restart), the
/// polling offset follows the last update received, pending updates come oldest first a page at a time, buttons work
/// in their chat until they expire or their keyboard is used, and the owner's latest binding wins.
/// </summary>
public abstract class TelegramStoreContract(IStorageUnderTest storage) : StorageContractBase(storage)
{
    private ITelegramStore Store => Get<ITelegramStore>();

    [ContractFact]
    public void An_update_is_accepted_once_whether_pending_or_handled()
    {
        Assert.True(Store.Accept(10, "{\"update_id\":10}", advanceOffset: false));
        Assert.False(Store.Accept(10, "{\"update_id\":10}", advanceOffset: false));

        Store.MarkDone(10);

        Assert.False(Store.Accept(10, "{\"update_id\":10}", advanceOffset: false));
        Assert.True(Store.IsDone(10));
        Assert.Empty(Store.PendingUpdates(10));
    }

    [ContractFact]
    public void A_handled_update_is_still_recognised_after_a_restart()
    {
        Store.Accept(7, "{}", advanceOffset: true);
        Store.MarkDone(7);

        Reopen();

        Assert.False(Store.Accept(7, "{}", advanceOffset: true));
        Assert.True(Store.IsDone(7));
        Assert.Equal(8, Store.Offset());
    }

    [ContractFact]
    public void The_offset_is_empty_before_the_first_update_and_then_follows_the_last_one_received()
    {
        Assert.Null(Store.Offset());

        Store.Accept(500, "{}", advanceOffset: true);
        Assert.Equal(501, Store.Offset());

        // Telegram may restart its ids lower after a quiet week: the offset follows, it does not keep the maximum.
        Store.Accept(20, "{}", advanceOffset: true);
        Assert.Equal(21, Store.Offset());

        // A webhook delivery leaves the polling offset alone; a redelivery while polling still moves it on.
        Store.Accept(30, "{}", advanceOffset: false);
        Assert.Equal(21, Store.Offset());
        Assert.False(Store.Accept(30, "{}", advanceOffset: true));
        Assert.Equal(31, Store.Offset());
    }

    [ContractFact]
    public void Pending_updates_come_oldest_first_a_page_at_a_time_with_their_json()
    {
        foreach (var id in new long[] { 5, 3, 9, 4 })
            Store.Accept(id, $"{{\"update_id\":{id}}}", advanceOffset: false);

        var first = Store.PendingUpdates(2);
        Assert.Equal([3L, 4L], first.Select(u => u.UpdateId));
        Assert.Equal("{\"update_id\":3}", first[0].Json);

        foreach (var (id, _) in first)
            Store.MarkDone(id);
        Assert.Equal([5L, 9L], Store.PendingUpdates(2).Select(u => u.UpdateId));
    }

    [ContractFact]
    public void Marking_an_unknown_update_done_changes_nothing()
    {
        Store.MarkDone(42);

        Assert.False(Store.IsDone(42));
        Assert.True(Store.Accept(42, "{}", advanceOffset: false));
    }

    [ContractFact]
    public void Trimming_forgets_the_oldest_handled_ids_and_keeps_pending_ones()
    {
        for (var id = 1; id <= 5; id++)
        {
            Store.Accept(id, "{}", advanceOffset: false);
            Store.MarkDone(id);
            Clock.Advance(TimeSpan.FromSeconds(1));
        }
        Store.Accept(6, "{}", advanceOffset: false);

        Assert.Equal(3, Store.TrimDone(keep: 2));

        Assert.False(Store.IsDone(3));
        Assert.True(Store.IsDone(4));
        Assert.True(Store.IsDone(5));
        Assert.Equal([6L], Store.PendingUpdates(10).Select(u => u.UpdateId));
        Assert.Equal(0, Store.TrimDone(keep: 2));
    }

    [ContractFact]
    public void A_button_is_found_with_everything_it_stands_for_until_it_expires()
    {
        var expires = Clock.GetUtcNow().AddHours(1);
        Store.SaveButtons([new TelegramButton("b1", 77, "k1", "Ja", "{\"choice\":\"yes\"}", expires), new TelegramButton("b2", 77, "k1", "Nein", null, expires)]);

        var found = Assert.IsType<TelegramButton>(Store.FindButton("b1"));
        Assert.Equal((77L, "k1", "Ja", "{\"choice\":\"yes\"}"), (found.ChatId, found.Keyboard, found.Text, found.ValueJson));
        Assert.Equal(expires, found.Expires, TimeSpan.FromMilliseconds(1));
        Assert.Null(Store.FindButton("b2")!.ValueJson);
        Assert.Null(Store.FindButton("unknown"));

        Clock.Advance(TimeSpan.FromHours(1));
        Assert.Null(Store.FindButton("b1"));
    }

    [ContractFact]
    public void Using_a_keyboard_retires_its_buttons_only()
    {
        var expires = Clock.GetUtcNow().AddHours(1);
        Store.SaveButtons([new TelegramButton("a1", 1, "ka", "A", null, expires), new TelegramButton("a2", 1, "ka", "B", null, expires)]);
        Store.SaveButtons([new TelegramButton("c1", 1, "kc", "C", null, expires)]);
        Store.SaveButtons([]);

        Assert.Equal(2, Store.DeleteKeyboard("ka"));

        Assert.Null(Store.FindButton("a1"));
        Assert.Null(Store.FindButton("a2"));
        Assert.NotNull(Store.FindButton("c1"));
        Assert.Equal(0, Store.DeleteKeyboard("ka"));
    }

    [ContractFact]
    public void Expired_buttons_are_removed_and_live_ones_kept()
    {
        var now = Clock.GetUtcNow();
        Store.SaveButtons([new TelegramButton("old", 1, "k1", "A", null, now.AddMinutes(5)), new TelegramButton("new", 1, "k2", "B", null, now.AddHours(5))]);
        Clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(1, Store.DeleteExpiredButtons());

        Assert.NotNull(Store.FindButton("new"));
        Assert.Equal(0, Store.DeleteExpiredButtons());
    }

    [ContractFact]
    public void No_owner_chat_until_one_is_bound_and_the_latest_binding_wins()
    {
        Assert.Null(Store.FindOwner());
        var first = Clock.GetUtcNow();
        Store.SaveOwner(new TelegramOwnerChat(111, "de", first));
        Store.SaveOwner(new TelegramOwnerChat(222, "en", first.AddMinutes(1)));

        Reopen();

        var owner = Assert.IsType<TelegramOwnerChat>(Store.FindOwner());
        Assert.Equal((222L, "en"), (owner.ChatId, owner.Language));
        Assert.Equal(first.AddMinutes(1), owner.BoundAt, TimeSpan.FromMilliseconds(1));
    }
}
