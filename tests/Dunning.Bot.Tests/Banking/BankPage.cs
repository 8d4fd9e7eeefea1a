using System.Net.Http.Headers;
using System.Text;
using Dunning.Bot.Tests.Staff;

namespace Dunning.Bot.Tests.Banking;

/// <summary>What a browser does on the console's bank page: upload a file (multipart, with the page's antiforgery token) and press the buttons.</summary>
internal static class BankPage
{
    public const string Path = "/console/bank";

    public static Task<HttpResponseMessage> UploadAsync(HttpClient browser, string content, string fileName = "statement.xml", bool dryRun = false) =>
        UploadAsync(browser, Encoding.UTF8.GetBytes(content), fileName, dryRun);

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, byte[] content, string fileName, bool dryRun = false, string field = "statement")
    {
        var html = await browser.GetStringAsync(Path);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(StaffHost.Token(html)), "__csrf" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, field, fileName);
        if (dryRun)
            form.Add(new StringContent("true"), "dryRun");
        return await browser.PostAsync(Path + "?handler=Upload", form);
    }

    public static Task<HttpResponseMessage> PressAsync(HttpClient browser, string handler, Dictionary<string, string> fields) =>
        StaffHost.PostFormAsync(browser, Path, fields, Path + "?handler=" + handler);
}
