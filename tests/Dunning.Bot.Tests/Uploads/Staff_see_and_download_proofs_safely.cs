using System.Net;
using System.Text.Json;
using Dunning.Bot.Privacy;
using Dunning.Bot.Storage.LiteDb;
using Dunning.Bot.Tests.Staff;
using Dunning.Bot.Uploads;

namespace Dunning.Bot.Tests.Uploads;

/// <summary>
/// Staff see the debtor's transfer confirmations on the case page and in the case file, and download them only as
/// attachments of their sniffed type, never inline, never executable; strangers get nothing; erasure removes them.
/// </summary>
public sealed class Staff_see_and_download_proofs_safely : IDisposable
{
    private readonly StaffHost staff = new();

    [Fact]
    public async Task The_case_page_lists_the_proof_and_its_download_is_a_sandboxed_attachment()
    {
        var proof = await UploadedAsync("<img src=x onerror=alert(1)>.pdf");
        using var sam = await staff.SignedInAsync("sam");

        var page = await sam.GetStringAsync($"/console/cases/{StaffHost.DebtorId}");
        using var download = await sam.GetAsync($"/console/cases/{StaffHost.DebtorId}/proofs/{proof.Id}");

        Assert.Contains("Proof of payment", page, StringComparison.Ordinal);
        Assert.Contains($"/console/cases/{StaffHost.DebtorId}/proofs/{proof.Id}", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".pdf", download.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        Assert.StartsWith("sandbox", Assert.Single(download.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal(SampleFiles.Pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Without_sign_in_or_for_another_debtor_nothing_is_served()
    {
        var proof = await UploadedAsync("beleg.pdf");
        using var stranger = staff.Browser();
        using var sam = await staff.SignedInAsync("sam");

        using var anonymous = await stranger.GetAsync($"/console/cases/{StaffHost.DebtorId}/proofs/{proof.Id}");
        using var otherDebtor = await sam.GetAsync($"/console/cases/D-999/proofs/{proof.Id}");
        using var unknown = await sam.GetAsync($"/console/cases/{StaffHost.DebtorId}/proofs/P-20261126-000000000");

        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.NotEqual("application/pdf", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (otherDebtor.StatusCode, unknown.StatusCode));
    }

    [Fact]
    public async Task The_case_file_lists_the_proof_with_its_hash()
    {
        var proof = await UploadedAsync("beleg.pdf");
        using var olga = await staff.SignedInAsync("olga");

        var file = JsonDocument.Parse(await olga.GetStringAsync($"/console/cases/{StaffHost.DebtorId}/file.json")).RootElement;

        var listed = Assert.Single(file.GetProperty("proofs").EnumerateArray());
        Assert.Equal((proof.Id, "beleg.pdf", proof.Sha256), (listed.GetProperty("id").GetString(), listed.GetProperty("name").GetString(), listed.GetProperty("sha256").GetString()));
    }

    [Fact]
    public async Task Erasing_the_debtor_removes_the_proofs_and_their_content()
    {
        var proof = await UploadedAsync("beleg.pdf");

        Assert.True(await staff.Get<DebtorErasure>().EraseAsync(StaffHost.DebtorId, "olga", CancellationToken.None));

        Assert.Empty(await staff.Get<IProofStore>().ListAsync(StaffHost.DebtorId, CancellationToken.None));
        Assert.Null(await staff.Get<IProofStore>().OpenAsync(StaffHost.DebtorId, proof.Id, CancellationToken.None));
        Assert.Empty(staff.Get<Dunning.Bot.Storage.LiteDb.LiteDbContext>().Database.GetStorage<string>("proof_files", "proof_chunks").FindAll());
    }

    private async Task<ProofFile> UploadedAsync(string name)
    {
        var (chat, _) = await staff.ClaimedPaidAsync();
        using var response = await chat.UploadAsync(Uploading.Form((name, "application/pdf", SampleFiles.Pdf)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Assert.Single(await staff.Get<IProofStore>().ListAsync(StaffHost.DebtorId, CancellationToken.None));
    }

    public void Dispose() => staff.Dispose();
}
