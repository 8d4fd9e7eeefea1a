using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dunning.Bot.Tests.Fakes.Telegram;

/// <summary>A bare webhook endpoint on loopback for testing the fake's delivery: records each POST and answers
/// with <see cref="StatusCode"/> and, when set, <see cref="ReplyJson"/>.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    public sealed record Received(string? SecretHeader, string ContentType, string Body);

    public ConcurrentQueue<Received> Requests { get; } = new();

    public int StatusCode { get; set; } = 200;

    public string? ReplyJson { get; set; }

    public Uri Url { get; private set; } = null!;

    public static async Task<WebhookReceiver> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            receiver.Requests.Enqueue(new Received(
                context.Request.Headers["X-Telegram-Bot-Api-Secret-Token"].FirstOrDefault(),
                context.Request.ContentType ?? "",
                await reader.ReadToEndAsync(context.RequestAborted)));
            context.Response.StatusCode = receiver.StatusCode;
            if (receiver.ReplyJson is { } reply)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(reply, context.RequestAborted);
            }
        });
        await app.StartAsync(cancellationToken);
        receiver.Url = new Uri(app.Urls.Single().TrimEnd('/') + "/telegram/webhook");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
