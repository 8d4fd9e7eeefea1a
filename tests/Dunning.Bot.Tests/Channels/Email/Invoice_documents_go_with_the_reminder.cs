using System.Net;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Dunning.Bot.Tests.Channels.Email;

/// <summary>
/// The invoice document the owner provided goes with the reminder e-mail: a file under <c>Email:InvoiceFolder</c> or an
/// http(s) link (a document server on loopback). A document that cannot be attached — a path leaving the folder, too
/// large, missing, slow, another scheme — never holds the reminder back: it goes without, and the case history says why.
/// </summary>
public sealed class Invoice_documents_go_with_the_reminder(MailServer server) : IClassFixture<MailServer>, IAsyncLifetime
{
    private static readonly byte[] Pdf = "%PDF-1.4\n% Rechnung\n"u8.ToArray();
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("dunning-docs-");
    private WebApplication? documents;
    private string web = "";

    private string Folder => Path.Combine(root.FullName, "rechnungen");

    [MailServerFact]
    public async Task A_file_under_the_invoice_folder_and_an_http_link_are_attached_to_the_reminder()
    {
        using var world = World();
        await world.DebtorAsync("K-950", "Datei GmbH", "datei@docs.test", number: "RE-2026-0950", documentLink: "2026/RE-2026-0950.pdf");
        await world.DebtorAsync("K-951", "Web GmbH", "web@docs.test", number: "RE-2026-0951", documentLink: web + "/docs/RE-2026-0951.pdf");

        Assert.Equal(2, (await world.RemindAsync()).Sent);

        foreach (var (address, name) in new[] { ("datei@docs.test", "RE-2026-0950.pdf"), ("web@docs.test", "RE-2026-0951.pdf") })
        {
            var mail = Assert.Single(await RemindersByEmail.MailTo(world, address, 1));
            var attachment = Assert.Single(mail.Attachments.OfType<MimePart>());
            Assert.Equal((name, "application/pdf"), (attachment.FileName, attachment.ContentType.MimeType));
            using var content = new MemoryStream();
            await attachment.Content!.DecodeToAsync(content);
            Assert.Equal(Pdf, content.ToArray());
        }
    }

    [MailServerFact]
    public async Task A_document_that_cannot_be_attached_leaves_the_reminder_going_without_it_and_tells_staff_why()
    {
        using var world = World();
        var cases = new (string Id, string Link, string Why)[]
        {
            ("K-960", "../geheim.txt", "leaves Email:InvoiceFolder"),
            ("K-961", Path.Combine(root.FullName, "geheim.txt"), "leaves Email:InvoiceFolder"),
            ("K-962", "link-nach-aussen.pdf", "leaves Email:InvoiceFolder"),
            ("K-963", "gross.pdf", "more than Email:MaxAttachmentBytes"),
            ("K-964", "fehlt.pdf", "does not exist"),
            ("K-965", web + "/docs/big-stream.pdf", "larger than Email:MaxAttachmentBytes"),
            ("K-966", web + "/docs/big-declared.pdf", "more than Email:MaxAttachmentBytes"),
            ("K-967", web + "/docs/missing.pdf", "answered 404"),
            ("K-968", web + "/docs/slow.pdf", "timed out"),
            ("K-969", "ftp://example.test/RE.pdf", "not allowed"),
        };
        foreach (var (id, link, _) in cases)
            await world.DebtorAsync(id, $"Firma {id}", $"{id.ToLowerInvariant()}@docs.test", number: "RE-" + id, documentLink: link);

        var report = await world.RemindAsync();

        Assert.Equal(cases.Length, report.Sent);
        foreach (var (id, _, why) in cases)
        {
            var mail = Assert.Single(await RemindersByEmail.MailTo(world, $"{id.ToLowerInvariant()}@docs.test", 1));
            Assert.Empty(mail.Attachments);
            Assert.DoesNotContain("geheim", mail.TextBody, StringComparison.Ordinal);
            var history = (await world.Get<ICaseStore>().FindAsync(id, CancellationToken.None))!.History;
            var note = Assert.Single(history, a => a.Kind == CaseActionKinds.AttachmentMissing);
            Assert.Contains(why, note.Summary, StringComparison.Ordinal);
            Assert.Contains(history, a => a.Kind == CaseActionKinds.Reminder);
        }
    }

    private EmailWorld World() => new(server, new()
    {
        ["Email:InvoiceFolder"] = Folder,
        ["Email:MaxAttachmentBytes"] = "2048",
        ["Email:AttachmentTimeoutSeconds"] = "1",
    });

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "2026"));
        await File.WriteAllBytesAsync(Path.Combine(Folder, "2026", "RE-2026-0950.pdf"), Pdf);
        await File.WriteAllBytesAsync(Path.Combine(Folder, "gross.pdf"), new byte[4096]);
        await File.WriteAllTextAsync(Path.Combine(root.FullName, "geheim.txt"), "geheim");
        File.CreateSymbolicLink(Path.Combine(Folder, "link-nach-aussen.pdf"), Path.Combine(root.FullName, "geheim.txt"));

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        documents = builder.Build();
        documents.MapGet("/docs/RE-2026-0951.pdf", () => Results.Bytes(Pdf, "application/pdf"));
        documents.MapGet("/docs/big-declared.pdf", () => Results.Bytes(new byte[4096], "application/pdf"));
        documents.MapGet("/docs/big-stream.pdf", async (HttpResponse response) =>
        {
            response.ContentType = "application/pdf";
            for (var i = 0; i < 8; i++)
            {
                await response.Body.WriteAsync(new byte[1024]);
                await response.Body.FlushAsync();
            }
        });
        documents.MapGet("/docs/slow.pdf", async (CancellationToken cancellationToken) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
            return Results.Bytes(Pdf, "application/pdf");
        });
        await documents.StartAsync();
        web = documents.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    public async Task DisposeAsync()
    {
        if (documents is not null)
            await documents.DisposeAsync();
        root.Delete(recursive: true);
    }
}
