using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>Files on cases: what is accepted (by the bytes, not the claim), who attaches, who reads, how they are served.</summary>
public sealed class CaseAttachmentTests(MutualApp app) : IClassFixture<MutualApp>
{
    private sealed record Cast(Member Seller, Member Partner, Member Customer, Guid Case, string TrackingCode);

    internal static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];

    private async Task<Cast> CastAsync()
    {
        var admin = await app.AdminAsync();
        var seller = await app.JoinAsync(admin, "Seller Co", "Sam Seller");
        var partner = await app.JoinAsync(admin, "Repair Partner", "Ria Repair");
        var customer = await app.JoinAsync(admin, "Customer Org", "Cleo Customer");
        var opened = await seller.Client.PostJson("/api/v1/cases", new { title = "Cracked panel", customerPartyId = customer.OrganizationId, description = "See photo" });
        return new Cast(seller, partner, customer, opened.Id(), opened["trackingCode"]!.GetValue<string>());
    }

    internal static MultipartFormDataContent Form(string name, byte[] bytes, string claimed = "application/octet-stream")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(claimed);
        return new MultipartFormDataContent { { content, "file", name } };
    }

    internal static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid caseId, string name, byte[] bytes, string claimed = "application/octet-stream") =>
        client.PostAsync($"/api/v1/cases/{caseId}/attachments", Form(name, bytes, claimed));

    [Fact]
    public async Task TheHolderAndTheCustomerAttachAndEveryParticipantDownloads()
    {
        var c = await CastAsync();
        var photo = await (await (await UploadAsync(c.Seller.Client, c.Case, "panel.png", Png, "text/html")).Expect(HttpStatusCode.Created)).Json();
        Assert.Equal(("panel.png", "image/png", Png.Length), (photo["fileName"]!.GetValue<string>(), photo["contentType"]!.GetValue<string>(), photo["size"]!.GetValue<int>()));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Png)), photo["sha256"]!.GetValue<string>());
        var log = Encoding.UTF8.GetBytes("line 1: Grüße\nline 2: E42\n");
        var fromCustomer = await (await (await UploadAsync(c.Customer.Client, c.Case, "inverter.log", log)).Expect(HttpStatusCode.Created)).Json();
        Assert.Equal("text/plain; charset=utf-8", fromCustomer["contentType"]!.GetValue<string>());
        Assert.Equal(c.Customer.OrganizationId, fromCustomer["uploadedByPartyId"]!.GetValue<Guid>());
        Assert.Equal(2, await app.OutboxCountAsync("case.updated", c.Case)); // one per upload

        // Not a participant: nothing at all, not even that the files exist.
        await (await c.Partner.Client.GetAsync($"/api/v1/cases/{c.Case}/attachments")).Expect(HttpStatusCode.NotFound);
        await (await c.Partner.Client.GetAsync($"/api/v1/cases/{c.Case}/attachments/{photo.Id()}")).Expect(HttpStatusCode.NotFound);
        await (await UploadAsync(c.Partner.Client, c.Case, "x.png", Png)).Expect(HttpStatusCode.NotFound);

        await c.Seller.Client.PostJson($"/api/v1/cases/{c.Case}/handoffs", new { toPartyId = c.Partner.OrganizationId, note = "Yours" }, HttpStatusCode.OK);
        // The former holder still reads and downloads, but no longer attaches; the new holder does.
        var download = await (await c.Seller.Client.GetAsync($"/api/v1/cases/{c.Case}/attachments/{photo.Id()}")).Expect(HttpStatusCode.OK);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("panel.png", download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(download.Headers.CacheControl!.Private);
        await (await UploadAsync(c.Seller.Client, c.Case, "more.png", Png)).Expect((HttpStatusCode)422);
        await (await UploadAsync(c.Partner.Client, c.Case, "repair.pdf", "%PDF-1.7\n%fake"u8.ToArray())).Expect(HttpStatusCode.Created);

        var list = await c.Partner.Client.GetJson($"/api/v1/cases/{c.Case}/attachments");
        Assert.Equal(["panel.png", "inverter.log", "repair.pdf"], list.Items().Select(f => f!["fileName"]!.GetValue<string>()));
        Assert.DoesNotContain("\"content\"", list.ToJsonString(), StringComparison.Ordinal);
        // Timeline lines of kind attachment carry their file.
        var timeline = await c.Customer.Client.GetJson($"/api/v1/cases/{c.Case}/timeline");
        var lines = timeline.Items().Where(e => e!["kind"]!.GetValue<string>() == "attachment").ToList();
        Assert.Equal(["panel.png", "inverter.log", "repair.pdf"], lines.Select(e => e!["file"]!["fileName"]!.GetValue<string>()));
        Assert.Equal(photo.Id(), lines[0]!["file"].Id());
        // The public tracking view never shows attachments.
        var track = (await app.CreateClient().GetJson($"/api/v1/track/{c.TrackingCode}")).ToJsonString();
        foreach (var name in new[] { "panel.png", "inverter.log", "repair.pdf", "attachment" }) Assert.DoesNotContain(name, track, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Refused => new()
    {
        { "setup.exe", "TVqQAAMAAAAEAAAA" }, // MZ header
        { "page.html", Convert.ToBase64String("<html><script>alert(1)</script></html>"u8.ToArray()) },
        { "page.txt.html", Convert.ToBase64String("<p>hi</p>"u8.ToArray()) },
        { "logo.svg", Convert.ToBase64String("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray()) },
        { "bundle.zip", "UEsDBBQAAAAIAA==" },
        { "photo.jpg", Convert.ToBase64String(Png) }, // a PNG under a JPEG name
        { "notes.txt", Convert.ToBase64String("%PDF-1.4 pretending"u8.ToArray()) }, // a PDF under a text name
        { "nul.txt", Convert.ToBase64String("a\0b"u8.ToArray()) },
        { "latin1.csv", Convert.ToBase64String([0x61, 0xE9, 0x62]) }, // not UTF-8
        { "empty.txt", "" },
        { "...", Convert.ToBase64String("x"u8.ToArray()) }, // nothing left of the name
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task WhatIsNotAcceptedIsA400OnTheFileField(string name, string base64)
    {
        var c = await CastAsync();
        var response = await UploadAsync(c.Seller.Client, c.Case, name, Convert.FromBase64String(base64), "image/png");
        var problem = await (await response.Expect(HttpStatusCode.BadRequest)).Json();
        Assert.NotNull(problem["errors"]!["file"]);
        Assert.Empty((await c.Seller.Client.GetJson($"/api/v1/cases/{c.Case}/attachments")).Items());
    }

    [Fact]
    public async Task TooLargeIsA413AndTheCaseHoldsTwentyFiles()
    {
        var c = await CastAsync();
        var big = new byte[5 * 1024 * 1024 + 1];
        "%PDF-"u8.CopyTo(big);
        var problem = await (await (await UploadAsync(c.Seller.Client, c.Case, "big.pdf", big)).Expect(HttpStatusCode.RequestEntityTooLarge)).Json();
        Assert.Equal(413, problem["status"]!.GetValue<int>());
        // Without a Content-Length (chunked): the size limit or the file's length stops it, still a 413 problem.
        var huge = new byte[6 * 1024 * 1024];
        "%PDF-"u8.CopyTo(huge);
        using var zipped = new MemoryStream();
        await using (var gzip = new GZipStream(zipped, CompressionLevel.Fastest, leaveOpen: true)) await gzip.WriteAsync(huge);
        zipped.Position = 0;
        var unseekable = new StreamContent(new GZipStream(zipped, CompressionMode.Decompress)); // no length known up front
        var chunked = new MultipartFormDataContent { { unseekable, "file", "huge.pdf" } };
        await (await c.Seller.Client.PostAsync($"/api/v1/cases/{c.Case}/attachments", chunked)).Expect(HttpStatusCode.RequestEntityTooLarge);
        // Not multipart at all: a 400 naming the field.
        var json = await (await (await c.Seller.Client.PostAsJsonAsync($"/api/v1/cases/{c.Case}/attachments", new { file = "x" })).Expect(HttpStatusCode.BadRequest)).Json();
        Assert.NotNull(json["errors"]!["file"]);
        // A name is cut to its last segment, stripped of control and direction characters, and kept at 200 characters with its extension.
        // (Written by hand: HttpClient refuses to send such a name, a hostile client does not.)
        var raw = new ByteArrayContent(Encoding.UTF8.GetBytes("--b0\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../etc/\u202Eevil\u0007.txt\"\r\n"
            + "Content-Type: text/plain\r\n\r\nhello\r\n--b0--\r\n"));
        raw.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b0");
        var odd = await (await (await c.Seller.Client.PostAsync($"/api/v1/cases/{c.Case}/attachments", raw)).Expect(HttpStatusCode.Created)).Json();
        Assert.Equal("evil.txt", odd["fileName"]!.GetValue<string>());
        var longName = new string('a', 300) + ".png";
        var cut = await (await (await UploadAsync(c.Seller.Client, c.Case, longName, Png)).Expect(HttpStatusCode.Created)).Json();
        Assert.Equal(200, cut["fileName"]!.GetValue<string>().Length);
        Assert.EndsWith(".png", cut["fileName"]!.GetValue<string>(), StringComparison.Ordinal);
        for (var i = 2; i < 20; i++) await (await UploadAsync(c.Seller.Client, c.Case, $"p{i}.gif", "GIF89a...."u8.ToArray())).Expect(HttpStatusCode.Created);
        await (await UploadAsync(c.Seller.Client, c.Case, "one-too-many.gif", "GIF89a...."u8.ToArray())).Expect((HttpStatusCode)422);
        var page = await c.Seller.Client.GetJson($"/api/v1/cases/{c.Case}/attachments?limit=15");
        var rest = await c.Seller.Client.GetJson($"/api/v1/cases/{c.Case}/attachments?cursor={page["nextCursor"]!.GetValue<string>()}");
        Assert.Equal(20, page.Items().Count + rest.Items().Count);
    }

    [Fact]
    public async Task ARepeatedUploadWithTheSameIdempotencyKeyStoresOneFile()
    {
        var c = await CastAsync();
        var form = Form("once.webp", [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBPVP8 "u8]);
        await form.LoadIntoBufferAsync();
        var body = await form.ReadAsByteArrayAsync();
        async Task<JsonNode> Send()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{c.Case}/attachments") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = form.Headers.ContentType;
            request.Headers.Add("Idempotency-Key", "upload-once");
            return await (await (await c.Seller.Client.SendAsync(request)).Expect(HttpStatusCode.Created)).Json();
        }
        var first = await Send();
        Assert.Equal("image/webp", first["contentType"]!.GetValue<string>());
        Assert.Equal(first.Id(), (await Send()).Id());
        Assert.Single((await c.Seller.Client.GetJson($"/api/v1/cases/{c.Case}/attachments")).Items());
    }
}
