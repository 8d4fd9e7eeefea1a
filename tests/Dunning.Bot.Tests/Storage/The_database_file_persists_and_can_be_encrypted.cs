using System.Text;
using Dunning.Bot.Hosting;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using LiteDB;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Tests.Storage;

public sealed class The_database_file_persists_and_can_be_encrypted : IDisposable
{
    private readonly TempDatabase temp = new();
    private readonly CancellationToken ct = CancellationToken.None;

    [Fact]
    public async Task Everything_is_still_there_after_reopening_the_file()
    {
        using (var context = temp.Open())
        {
            await new LiteDebtorStore(context).SaveAsync(Samples.Debtor("D-1"), ct);
            await new LiteInvoiceStore(context).SaveAsync(Samples.Invoice("RE-1"), ct);
        }

        using var reopened = temp.Open();
        var invoice = await new LiteInvoiceStore(reopened).FindAsync("RE-1", ct);
        var debtor = await new LiteDebtorStore(reopened).FindByAccessCodeAsync(Samples.Debtor("D-1").AccessCode, ct);

        Assert.Equal(Samples.Invoice("RE-1").Total, invoice?.Total);
        Assert.Equal("D-1", debtor?.Id);
        Assert.Equal(1, debtor!.Version);
    }

    [Fact]
    public async Task An_encrypted_file_does_not_open_without_the_password_and_hides_its_content()
    {
        using (var context = temp.Open(password: "correct horse"))
            await new LiteDebtorStore(context).SaveAsync(Samples.Debtor("D-1"), ct);

        Assert.ThrowsAny<LiteException>(() => temp.Open());
        Assert.ThrowsAny<LiteException>(() => temp.Open(password: "wrong"));
        var bytes = await File.ReadAllBytesAsync(temp.Path, ct);
        Assert.DoesNotContain("Söhne", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        using var context2 = temp.Open(password: "correct horse");
        Assert.Equal("Müller & Söhne GmbH", (await new LiteDebtorStore(context2).FindAsync("D-1", ct))?.Name);
    }

    [Fact]
    public async Task The_storage_extension_binds_the_path_creates_the_folder_and_shares_one_database()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = temp.Path })
            .Build();
        await using (var provider = DunningServices.Builder(configuration).AddDunningServices().Services.BuildServiceProvider())
        {
            Assert.Same(provider.GetRequiredService<LiteDbContext>(), provider.GetRequiredService<LiteDbContext>());
            await provider.GetRequiredService<IDebtorStore>().SaveAsync(Samples.Debtor("D-1"), ct);
            Assert.NotNull(provider.GetRequiredService<IInvoiceStore>());
            Assert.NotNull(provider.GetRequiredService<ICaseStore>());
            Assert.NotNull(provider.GetRequiredService<IAgreementStore>());
            Assert.NotNull(provider.GetRequiredService<IEscalationStore>());
        }

        Assert.True(File.Exists(temp.Path));
    }

    public void Dispose() => temp.Dispose();
}
