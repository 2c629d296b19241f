using System.Text.RegularExpressions;
using Mutual.Browser.Tests.Support;

namespace Mutual.Browser.Tests;

public sealed class ConversationTests(Chromium chromium, BrowserApp app)
{
    [Fact]
    public async Task AnInvitedCustomerSeesOnlyTheirConversationAndReplies()
    {
        var s = Seed.Suffix();
        var globex = $"Globex {s}";
        var ana = $"Ana Lima {s}";
        var anaEmail = $"ana.{s}@globex.test";
        using var seed = await Seed.SignInAsync(app.BaseUrl, BrowserApp.AdminEmail, BrowserApp.AdminPassword);
        var hostId = await seed.MeAsync();
        var globexId = await seed.PartyAsync("organization", globex, [$"info@{s}.globex.test"]);
        var anaId = await seed.PartyAsync("person", ana, [anaEmail]);
        await seed.RelateAsync(globexId, hostId, "customer-of");
        await seed.RelateAsync(anaId, globexId, "works-for");
        await seed.ConversationAsync($"Internal pricing notes {s}", [], "Our floor price for Globex is 40k.", "note");

        // The host starts a conversation with the customer organization.
        var host = await chromium.NewPageAsync(app.BaseUrl);
        await host.SignInAsync(BrowserApp.AdminEmail, BrowserApp.AdminPassword);
        await host.GoAsync("/conversations");
        var dialog = await host.OpenDialogAsync(host.Button("New"));
        await host.FillAsync("#conv-subject", $"Renewal 2027 {s}");
        await host.PickPartyAsync("#conv-participant", globex);
        await Expect(dialog.Locator(".mud-chip")).ToContainTextAsync(globex);
        await host.FillAsync("#conv-body", "Hello Globex, shall we **renew** for 2027?");
        await dialog.Button("Start conversation").ClickAsync();
        await Expect(host).ToHaveURLAsync(new Regex("/conversations/[0-9a-f-]{36}$"));
        var thread = host.Locator(".thread");
        await Expect(thread.Locator(".thread-subject")).ToHaveTextAsync($"Renewal 2027 {s}");
        await Expect(thread.Locator(".message-body strong")).ToHaveTextAsync("renew");
        await Expect(thread.Locator(".visible-to")).ToContainTextAsync(globex);
        var threadUrl = host.Url;

        // The host invites a person of that organization from her party page.
        await host.GoAsync($"/parties/{anaId}");
        await host.Button("Invite to Mutual").ClickAsync();
        await Expect(host.Locator("#invite-email")).ToHaveValueAsync(anaEmail);
        await host.MudDialog().Button("Create invitation").ClickAsync();
        var linkBox = host.Locator("#invitation-link");
        await Expect(linkBox).ToHaveValueAsync(new Regex("/accept-invitation\\?token=inv_"));
        var link = await linkBox.InputValueAsync();
        await Expect(host.MudDialog()).ToContainTextAsync($"acting for {globex}");
        await Screenshots.SaveAsync(host, "invite-dialog-desktop");
        await host.MudDialog().Button("Done").ClickAsync();

        // The invited person accepts in another browser, signs in again, and sees exactly that conversation.
        var guest = await chromium.NewPageAsync(app.BaseUrl);
        await guest.GotoAsync(link);
        await Screenshots.SaveAsync(guest, "accept-invitation-desktop");
        await guest.FillAsync("#password", "ana-password-1");
        await guest.FillAsync("#confirm", "ana-password-1");
        await guest.ClickAsync("button[type=submit]");
        await guest.WaitReadyAsync();
        await Expect(guest.Locator(".app-bar .user-badge")).ToContainTextAsync($"{ana} · acting for {globex}");
        await guest.SignOutAsync();
        await guest.SignInAsync(anaEmail, "ana-password-1");
        await guest.GoAsync("/conversations");
        var rows = guest.Locator(".inbox-list .conv-row");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync($"Renewal 2027 {s}");
        await Expect(guest.Locator(".inbox-list")).Not.ToContainTextAsync("Internal pricing notes");
        await Expect(rows.First).ToHaveClassAsync(new Regex("unread"));

        await rows.First.ClickAsync();
        var guestThread = guest.Locator(".thread");
        await Expect(guestThread.Locator(".message-author").First).ToHaveTextAsync($"{BrowserApp.AdminName} for {BrowserApp.HostName}");
        await Expect(rows.First).Not.ToHaveClassAsync(new Regex("unread"));
        await guest.FillAsync("#reply-body", "Thanks — Ana here, yes please.");
        await guestThread.Button("Send").ClickAsync();
        await Expect(guestThread.Locator(".message").Last).ToContainTextAsync("Thanks — Ana here, yes please.");
        await Expect(guestThread.Locator(".message-author").Last).ToHaveTextAsync($"{ana} for {globex}");

        // The host sees the reply in the thread.
        await host.GoAsync(threadUrl);
        var hostThread = host.Locator(".thread");
        await Expect(hostThread.Locator(".message").Last).ToContainTextAsync("Thanks — Ana here, yes please.");
        await Expect(hostThread.Locator(".message-author").Last).ToHaveTextAsync($"{ana} for {globex}");
    }
}
