using Dunning.Bot.Channels.WebChat;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>The cache of validated Direct Line tokens never lets through what the full check would refuse.</summary>
public sealed class Validated_tokens_are_remembered_safely : IDisposable
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly LiteDbContext database = new(new MemoryStream());

    [Fact]
    public async Task A_remembered_token_is_answered_from_the_cache_with_the_same_grant()
    {
        var tokens = Tokens();
        var token = tokens.Issue("conversation-1", "user-1");

        var first = await tokens.ValidateAsync(token, CancellationToken.None);
        var second = await tokens.ValidateAsync(token, CancellationToken.None);

        Assert.Equal(1, tokens.CachedCount);
        Assert.Equal(new DirectLineGrant("conversation-1", "user-1", clock.GetUtcNow().AddMinutes(30)) { ChainStartedAt = clock.GetUtcNow() }, first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task A_remembered_token_still_expires_on_time()
    {
        var tokens = Tokens();
        var token = tokens.Issue("conversation-1", "user-1");
        Assert.NotNull(await tokens.ValidateAsync(token, CancellationToken.None));

        clock.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));
        var justBefore = await tokens.ValidateAsync(token, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        var atExpiry = await tokens.ValidateAsync(token, CancellationToken.None);

        Assert.NotNull(justBefore);
        Assert.Null(atExpiry);
    }

    [Fact]
    public async Task A_token_one_character_off_a_remembered_one_is_refused()
    {
        var tokens = Tokens();
        var token = tokens.Issue("conversation-1", "user-1");
        Assert.NotNull(await tokens.ValidateAsync(token, CancellationToken.None));
        var signatureStart = token.LastIndexOf('.') + 1;
        var middle = signatureStart + (token.Length - signatureStart) / 2;
        var forged = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
        var claimsStart = token.IndexOf('.', StringComparison.Ordinal) + 1;
        var tampered = token[..claimsStart] + (token[claimsStart] == 'e' ? 'f' : 'e') + token[(claimsStart + 1)..];

        Assert.Null(await tokens.ValidateAsync(forged, CancellationToken.None));
        Assert.Null(await tokens.ValidateAsync(tampered, CancellationToken.None));
        Assert.Null(await tokens.ValidateAsync(token + " ", CancellationToken.None));
        Assert.Equal(1, tokens.CachedCount);
    }

    [Fact]
    public async Task A_token_of_another_key_is_refused_even_after_its_twin_was_remembered_here()
    {
        var here = Tokens();
        var elsewhere = Tokens(key: "another-signing-key-of-at-least-32-bytes!");
        var token = elsewhere.Issue("conversation-1", "user-1");
        Assert.NotNull(await elsewhere.ValidateAsync(token, CancellationToken.None));

        Assert.Null(await here.ValidateAsync(token, CancellationToken.None));
        Assert.Equal(0, here.CachedCount);
    }

    [Fact]
    public async Task The_cache_stays_within_its_size_and_every_token_stays_valid()
    {
        var tokens = Tokens(cacheSize: 3);
        var issued = Enumerable.Range(0, 10).Select(n => (Conversation: $"conversation-{n}", Token: tokens.Issue($"conversation-{n}", $"user-{n}"))).ToList();

        foreach (var (conversation, token) in issued)
        {
            Assert.Equal(conversation, (await tokens.ValidateAsync(token, CancellationToken.None))?.ConversationId);
            Assert.InRange(tokens.CachedCount, 1, 3);
        }
        foreach (var (conversation, token) in issued)
            Assert.Equal(conversation, (await tokens.ValidateAsync(token, CancellationToken.None))?.ConversationId);
    }

    [Fact]
    public async Task Expired_tokens_are_dropped_first_when_the_cache_is_full()
    {
        var tokens = Tokens(cacheSize: 2);
        var old = tokens.Issue("conversation-old", "user-old");
        await tokens.ValidateAsync(old, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(20));
        var live = tokens.Issue("conversation-live", "user-live");
        await tokens.ValidateAsync(live, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(15));

        var fresh = tokens.Issue("conversation-new", "user-new");
        await tokens.ValidateAsync(fresh, CancellationToken.None);

        Assert.Equal(2, tokens.CachedCount);
        Assert.Null(await tokens.ValidateAsync(old, CancellationToken.None));
        Assert.NotNull(await tokens.ValidateAsync(live, CancellationToken.None));
    }

    [Fact]
    public async Task A_cache_size_of_zero_remembers_nothing_and_still_validates()
    {
        var tokens = Tokens(cacheSize: 0);
        var token = tokens.Issue("conversation-1", "user-1");

        Assert.NotNull(await tokens.ValidateAsync(token, CancellationToken.None));
        Assert.NotNull(await tokens.ValidateAsync(token, CancellationToken.None));
        Assert.Equal(0, tokens.CachedCount);
    }

    private DirectLineTokens Tokens(int cacheSize = 100, string key = "the-test-signing-key-of-at-least-32-bytes")
    {
        var options = Options.Create(new WebChatOptions { TokenSigningKey = key, ValidatedTokenCacheSize = cacheSize });
        return new DirectLineTokens(new WebChatSigningKey(options, new LiteSigningKeyStore(database)), options, clock);
    }

    public void Dispose() => database.Dispose();
}
