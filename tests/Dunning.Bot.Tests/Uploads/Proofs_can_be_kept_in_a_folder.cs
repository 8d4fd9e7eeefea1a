using System.Net;
using Dunning.Bot.Storage.LiteDb;
using Dunning.Bot.Tests.Staff;
using Dunning.Bot.Uploads;

namespace Dunning.Bot.Tests.Uploads;

/// <summary>With <c>Uploads:Folder</c> the files are kept there, one per proof named by its id, instead of inside the database.</summary>
public sealed class Proofs_can_be_kept_in_a_folder : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dunning-proofs-").FullName;
    private readonly StaffHost staff;

    public Proofs_can_be_kept_in_a_folder() => staff = new(new() { ["Uploads:Folder"] = folder });

    [Fact]
    public async Task A_kept_file_lies_in_the_folder_and_is_served_from_there()
    {
        var (chat, _) = await staff.ClaimedPaidAsync();
        using var response = await chat.UploadAsync(Uploading.Form(("scan.png", "image/png", SampleFiles.Png)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var proof = Assert.Single(await staff.Get<IProofStore>().ListAsync(StaffHost.DebtorId, CancellationToken.None));
        using var sam = await staff.SignedInAsync("sam");

        using var download = await sam.GetAsync($"/console/cases/{StaffHost.DebtorId}/proofs/{proof.Id}");

        Assert.Equal(SampleFiles.Png, await File.ReadAllBytesAsync(Path.Combine(folder, proof.Id)));
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SampleFiles.Png, await download.Content.ReadAsByteArrayAsync());
        Assert.Empty(staff.Get<Dunning.Bot.Storage.LiteDb.LiteDbContext>().Database.GetStorage<string>("proof_files", "proof_chunks").FindAll());
    }

    public void Dispose()
    {
        staff.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
