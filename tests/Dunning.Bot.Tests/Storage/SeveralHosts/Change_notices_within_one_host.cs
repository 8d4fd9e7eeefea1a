using Dunning.Bot.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dunning.Bot.Tests.Storage.SeveralHosts;

/// <summary>
/// The in-process change notices (LiteDB, one host): a notice reaches the subscribers of its topic at once, marked as
/// this host's; a subscriber that left or failed changes nothing for the others; a topic or id no notice may carry is
/// refused and delivers nothing.
/// </summary>
public sealed class Change_notices_within_one_host
{
    private readonly InProcessChangeNotifications changes = new(NullLogger<InProcessChangeNotifications>.Instance);

    [Fact]
    public async Task A_notice_reaches_the_subscribers_of_its_topic_only()
    {
        using var webchat = new NoticeLog(changes, "webchat");
        using var console = new NoticeLog(changes, "console.case");

        await changes.PublishAsync("webchat", "conv-1", CancellationToken.None);

        Assert.Equal([new ChangeNotice("webchat", "conv-1", FromThisHost: true)], webchat.Heard);
        Assert.Empty(console.Heard);
    }

    [Fact]
    public async Task A_subscriber_that_left_hears_nothing_and_one_that_throws_keeps_no_one_else_from_the_notice()
    {
        var left = new NoticeLog(changes, "webchat");
        left.Dispose();
        using var failing = changes.Subscribe("webchat", _ => throw new InvalidOperationException("a broken subscriber"));
        using var steady = new NoticeLog(changes, "webchat");

        await changes.PublishAsync("webchat", "conv-2", CancellationToken.None);

        Assert.Empty(left.Heard);
        Assert.Single(steady.Heard);
    }

    [Theory]
    [InlineData("", "id")]
    [InlineData("Web Chat", "id")]
    [InlineData("webchat;drop", "id")]
    [InlineData("webchat", "line\nbreak")]
    public async Task A_topic_or_id_no_notice_may_carry_is_refused_and_delivers_nothing(string topic, string id)
    {
        using var webchat = new NoticeLog(changes, "webchat");

        await Assert.ThrowsAsync<ArgumentException>(() => changes.PublishAsync(topic, id, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => changes.PublishAsync("webchat", new string('x', ChangeNotice.MaxIdLength + 1), CancellationToken.None));

        Assert.Empty(webchat.Heard);
    }
}
