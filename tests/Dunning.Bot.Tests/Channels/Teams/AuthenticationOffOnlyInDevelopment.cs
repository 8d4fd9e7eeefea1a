using Dunning.Bot.Channels.Teams;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Bot.Tests.Channels.Teams;

public sealed class AuthenticationOffOnlyInDevelopment
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

        var off = TeamsAuthenticationGuard.EnsureAuthenticationAllowed(new TeamsOptions(), new Environment(Environments.Development), logger);

        Assert.True(off);
        var (level, message) = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Equal(TeamsAuthenticationGuard.AuthenticationOffMessage, message);
    }

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
