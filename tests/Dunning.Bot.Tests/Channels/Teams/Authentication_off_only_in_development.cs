using Dunning.Bot.Channels.Teams;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Bot.Tests.Channels.Teams;

public sealed class Authentication_off_only_in_development
{
    [Fact]
    public void Without_an_app_id_start_up_outside_Development_is_refused()
    {
        var logger = new RecordingLogger();

        var error = Assert.Throws<InvalidOperationException>(() =>
            TeamsAuthenticationGuard.EnsureAuthenticationAllowed(new TeamsOptions(), new Environment(Environments.Production), logger));

        Assert.Contains("Teams:AppId", error.Message);
        Assert.Contains("Development", error.Message);
        Assert.Contains("Production", error.Message);
    }

    [Fact]
    public void Without_an_app_id_Development_starts_and_the_log_says_authentication_is_off()
    {
        var logger = new RecordingLogger();

        var off = TeamsAuthenticationGuard.EnsureAuthenticationAllowed(new TeamsOptions { AllowAnonymous = true }, new Environment(Environments.Development), logger);

        Assert.True(off);
        var (level, message) = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Equal(TeamsAuthenticationGuard.AuthenticationOffMessage, message);
    }

    [Fact]
    public void Without_an_app_id_Development_is_refused_too_unless_anonymous_callers_are_allowed_explicitly()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            TeamsAuthenticationGuard.EnsureAuthenticationAllowed(new TeamsOptions(), new Environment(Environments.Development), new RecordingLogger()));

        Assert.Contains("Teams:AllowAnonymous=true", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("192.168.1.20", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("::ffff:203.0.113.9", false)]
    public void Anonymous_requests_are_answered_only_from_loopback(string remote, bool allowed) =>
        Assert.Equal(allowed, TeamsAuthenticationGuard.IsAllowedAnonymousCaller(System.Net.IPAddress.Parse(remote)));

    [Fact]
    public void With_an_app_id_any_environment_starts_silently()
    {
        var logger = new RecordingLogger();

        var off = TeamsAuthenticationGuard.EnsureAuthenticationAllowed(
            new TeamsOptions { AppId = "app", AppPassword = "pw", TenantId = "t" }, new Environment(Environments.Production), logger);

        Assert.False(off);
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public async Task With_authentication_off_any_request_is_let_through_anonymously()
    {
        using var http = new HttpClient();
        var validator = new BotFrameworkTokenValidator(
            Options.Create(new TeamsOptions()), new FakeTimeProvider(), NullLogger<BotFrameworkTokenValidator>.Instance, http);

        var result = await validator.AuthenticateAsync(null, serviceUrl: null, channelId: null, default);

        Assert.True(validator.AuthenticationDisabled);
        Assert.True(result.Succeeded);
        Assert.True(result.IsAnonymous);
        Assert.Null(result.Identity);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Dunning.Bot";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
