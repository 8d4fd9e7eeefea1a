using System.Collections.Concurrent;
using Dunning.Bot.Channels;
using Dunning.Bot.Channels.Email;
using Dunning.Bot.Hosting.Coordination;
using Dunning.Bot.Tests.Channels.Email;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Dunning.Bot.Tests.Coordination;

/// <summary>
/// The SMTP mailer submits at most <c>Email:MaxPerMinute</c> messages in any minute through the send budget of its SMTP
/// account — the host's own with LiteDB, one for all hosts with PostgreSQL (<see cref="Send_budgets_pace_sends"/>).
/// </summary>
public sealed class Email_stays_within_its_per_minute_budget(MailServer server) : IClassFixture<MailServer>
{
    [MailServerFact]
    public async Task A_third_message_in_a_minute_of_two_waits_and_is_not_submitted_meanwhile()
    {
        await using var budget = new RecordingBudget();
        await using var mailer = Mailer(maxPerMinute: 2, budget);
        var before = (await server.MessagesAsync()).Count;

        Assert.Equal(DeliveryResult.Delivered, await mailer.SendAsync(Message(1), CancellationToken.None));
        Assert.Equal(DeliveryResult.Delivered, await mailer.SendAsync(Message(2), CancellationToken.None));
        using var patience = new CancellationTokenSource(TimeSpan.FromMilliseconds(700));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => mailer.SendAsync(Message(3), patience.Token));

        Assert.Equal(before + 2, (await server.MessagesAsync(before + 2)).Count);
        Assert.Equal(["enter", "return", "enter", "return"], budget.Events);
        Assert.All(budget.Limits, l => Assert.Equal(new SendLimit("email:smtp:@127.0.0.1", 2, TimeSpan.FromMinutes(1)), l));
    }

    [MailServerFact]
    public async Task Without_a_limit_the_budget_is_not_asked()
    {
        await using var budget = new RecordingBudget();
        await using var mailer = Mailer(maxPerMinute: 0, budget);

        Assert.Equal(DeliveryResult.Delivered, await mailer.SendAsync(Message(4), CancellationToken.None));
        Assert.Empty(budget.Events);
    }

    private SmtpMailer Mailer(int maxPerMinute, ISendBudget budget) => new(Options.Create(new EmailOptions
    {
        Enabled = true,
        From = "Muster Handwerk <rechnung@muster-handwerk.test>",
        MaxPerMinute = maxPerMinute,
        Smtp = new SmtpOptions { Host = "127.0.0.1", Port = server.SmtpPort, Security = MailSecurity.None },
    }), budget, NullLogger<SmtpMailer>.Instance);

    private static MimeMessage Message(int n)
    {
        var message = new MimeMessage { Subject = $"Erinnerung {n}", Body = new TextPart("plain") { Text = "Rechnung RE-2026-0087 ist offen." } };
        message.From.Add(MailboxAddress.Parse("rechnung@muster-handwerk.test"));
        message.To.Add(MailboxAddress.Parse($"debtor{n}@example.test"));
        return message;
    }

    /// <summary>The process's own budget, noting each permit taken and returned.</summary>
    private sealed class RecordingBudget : ISendBudget, IAsyncDisposable
    {
        private readonly LocalSendBudget inner = new(TimeProvider.System);
        private readonly ConcurrentQueue<string> events = new();
        private readonly ConcurrentQueue<SendLimit> limits = new();

        public IReadOnlyList<string> Events => [.. events];

        public IReadOnlyList<SendLimit> Limits => [.. limits];

        public async ValueTask<IAsyncDisposable> EnterAsync(SendLimit limit, CancellationToken cancellationToken)
        {
            limits.Enqueue(limit);
            var permit = await inner.EnterAsync(limit, cancellationToken);
            events.Enqueue("enter");
            return new Noted(permit, events);
        }

        public ValueTask<SendAttempt> TryEnterAsync(SendLimit limit, CancellationToken cancellationToken) =>
            throw new NotSupportedException("the mailer waits for its permit");

        public ValueTask DisposeAsync() => inner.DisposeAsync();

        private sealed class Noted(IAsyncDisposable permit, ConcurrentQueue<string> events) : IAsyncDisposable
        {
            public ValueTask DisposeAsync()
            {
                events.Enqueue("return");
                return permit.DisposeAsync();
            }
        }
    }
}
