using System.Net;
using System.Text.Json;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Staff.Audit;

namespace Dunning.Bot.Tests.Staff;

/// <summary>
/// The case page's "Personal data" actions — rotate the link token and access code, export everything as JSON, erase
/// the debtor — are the owner's alone (staff get 403 and nothing changes) and land in the audit log.
/// </summary>
public sealed class The_owner_rotates_exports_and_erases_in_the_console : IDisposable
{
    private const string Page = "/console/cases/" + StaffHost.DebtorId;
    private readonly StaffHost host = new();

    [Fact]
    public async Task The_owner_rotates_the_proofs_and_staff_may_not()
    {
        using var sam = await host.SignedInAsync("sam");
        using var olga = await host.SignedInAsync("olga");

        using var refused = await StaffHost.PostFormAsync(sam, Page, [], Page + "?handler=Rotate");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("tok_d100_abcdefghijklmnop", (await DebtorAsync()).LinkToken);

        using var rotated = await StaffHost.PostFormAsync(olga, Page, [], Page + "?handler=Rotate");
        Assert.Equal(HttpStatusCode.Redirect, rotated.StatusCode);
        var debtor = await DebtorAsync();
        Assert.NotEqual("tok_d100_abcdefghijklmnop", debtor.LinkToken);
        Assert.NotEqual("AC100", debtor.AccessCode);
        Assert.Contains(debtor.AccessCode, await olga.GetStringAsync(Page), StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(), a => (a.Actor, a.Action) == ("olga", "rotate-proofs"));
    }

    [Fact]
    public async Task The_owner_exports_the_debtors_data_and_staff_may_not()
    {
        using var sam = await host.SignedInAsync("sam");
        using var olga = await host.SignedInAsync("olga");

        using var refused = await sam.GetAsync(new Uri(Page + "?handler=Export", UriKind.Relative));
        using var export = await olga.GetAsync(new Uri(Page + "?handler=Export", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await export.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Erika Muster", json.GetProperty("debtor").GetProperty("name").GetString());
        Assert.Equal(StaffHost.InvoiceNumber, json.GetProperty("invoices")[0].GetProperty("number").GetString());
        Assert.Single(await AuditAsync(), a => (a.Actor, a.Action) == ("olga", "export"));
    }

    [Fact]
    public async Task The_owner_erases_after_typing_the_debtor_id_and_staff_may_not()
    {
        using var sam = await host.SignedInAsync("sam");
        using var olga = await host.SignedInAsync("olga");

        using var refused = await StaffHost.PostFormAsync(sam, Page, new() { ["confirm"] = StaffHost.DebtorId }, Page + "?handler=Erase");
        using var unconfirmed = await StaffHost.PostFormAsync(olga, Page, new() { ["confirm"] = "yes" }, Page + "?handler=Erase");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Equal("Erika Muster", (await DebtorAsync()).Name);

        using var erased = await StaffHost.PostFormAsync(olga, Page, new() { ["confirm"] = StaffHost.DebtorId }, Page + "?handler=Erase");
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        Assert.StartsWith("Erased debtor", (await DebtorAsync()).Name, StringComparison.Ordinal);
        Assert.NotNull(await host.Get<IInvoiceStore>().FindAsync(StaffHost.InvoiceNumber, CancellationToken.None));
        Assert.Single(await AuditAsync(), a => (a.Actor, a.Action) == ("olga", "erase"));
    }

    private async Task<Core.Domain.Debtor> DebtorAsync() =>
        (await host.Get<IDebtorStore>().FindAsync(StaffHost.DebtorId, CancellationToken.None))!;

    private Task<IReadOnlyList<AuditEntry>> AuditAsync() => host.Get<IAuditLog>().ListAsync(StaffHost.DebtorId, 20, CancellationToken.None);

    public void Dispose() => host.Dispose();
}
