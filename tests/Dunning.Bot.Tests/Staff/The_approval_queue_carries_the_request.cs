using System.Net;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Tests.Channels.WebChat;

namespace Dunning.Bot.Tests.Staff;

/// <summary>
/// A debtor asks a colleague instead of taking the counter-offer (web chat, real host on loopback, LiteDB): the request
/// reaches the inbox's approval queue with its kind, amount and date, the owner approves it there with one click, and
/// the debtor is told in the chat.
/// </summary>
public sealed class The_approval_queue_carries_the_request : IDisposable
{
    private readonly StaffHost host = new();

    [Fact]
    public async Task A_request_passed_to_a_colleague_is_approved_from_the_inbox_and_the_debtor_is_told()
    {
        var (chat, proposal) = await RequestPassedOnAsync();
        var amount = proposal.Amount.ToString("N2", System.Globalization.CultureInfo.InvariantCulture);
        var escalation = Assert.Single(await host.Get<IEscalationStore>().ListOpenAsync(CancellationToken.None));
        Assert.Contains($"requested Deferral: {amount} EUR by 2027-01-30 (proposal {proposal.Id})", escalation.Detail, StringComparison.Ordinal);

        using var owner = await host.SignedInAsync("olga");
        var inbox = WebUtility.HtmlDecode(await owner.GetStringAsync("/console"));
        var row = inbox[inbox.IndexOf($"data-proposal=\"{proposal.Id}\"", StringComparison.Ordinal)..];
        Assert.Contains("Deferral", row[..row.IndexOf("</tr>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains($"30 Jan 2027: €{proposal.Amount.ToString("N2", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}", row, StringComparison.Ordinal);
        Assert.Contains($"data-approve=\"{proposal.Id}\"", row, StringComparison.Ordinal);
        var before = (await chat.PollAsync()).Activities.Length;

        var response = await StaffHost.PostFormAsync(owner, "/console", new() { ["agreementId"] = proposal.Id }, "/console?handler=Approve");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AgreementState.Active, (await host.Get<IAgreementStore>().FindAsync(proposal.Id, CancellationToken.None))!.State);
        Assert.Empty(await host.Get<IEscalationStore>().ListOpenAsync(CancellationToken.None));
        var told = Assert.Single((await chat.PollAsync()).Activities.Skip(before)).GetProperty("text").GetString();
        Assert.StartsWith("Agreed for invoice RE-100.", told, StringComparison.Ordinal);
        Assert.Contains("by 30 January 2027", told, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-proposal=\"{proposal.Id}\"", await owner.GetStringAsync("/console"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_see_the_queue_but_only_the_owner_decides_and_a_decided_request_cannot_be_decided_again()
    {
        var (_, proposal) = await RequestPassedOnAsync();
        using var staff = await host.SignedInAsync("sam");
        Assert.DoesNotContain("data-approve=", await staff.GetStringAsync("/console"), StringComparison.Ordinal);
        var forbidden = await StaffHost.PostFormAsync(staff, "/console", new() { ["agreementId"] = proposal.Id }, "/console?handler=Approve");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var owner = await host.SignedInAsync("olga");
        var rejected = await StaffHost.PostFormAsync(owner, "/console", new() { ["agreementId"] = proposal.Id, ["reason"] = "Bis Ende Dezember geht es." }, "/console?handler=Reject");
        var again = await StaffHost.PostFormAsync(owner, "/console", new() { ["agreementId"] = proposal.Id }, "/console?handler=Approve");
        var unknown = await StaffHost.PostFormAsync(owner, "/console", new() { ["agreementId"] = "A-<script>" }, "/console?handler=Approve");

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Conflict, HttpStatusCode.NotFound), (rejected.StatusCode, again.StatusCode, unknown.StatusCode));
        Assert.Equal(AgreementState.Rejected, (await host.Get<IAgreementStore>().FindAsync(proposal.Id, CancellationToken.None))!.State);
    }

    /// <summary>The debtor asks for a deferral beyond the limits and, offered less, asks a colleague: the request waits for the owner.</summary>
    private async Task<(DirectLineClient Chat, PaymentAgreement Proposal)> RequestPassedOnAsync()
    {
        var chat = await host.LinkedChatAsync();
        await chat.SayAsync("Can I pay on 30 January?", "c2");
        await chat.SayAsync("Ask a colleague", "c3");
        return (chat, Assert.Single(await host.Get<IAgreementStore>().ListByStateAsync(AgreementState.AwaitingApproval, CancellationToken.None)));
    }

    public void Dispose() => host.Dispose();
}
