using System.Text.RegularExpressions;

namespace Mutual.Browser.Tests.Support;

/// <summary>What a person does in the browser, phrased once for every test.</summary>
public static partial class Ui
{
    /// <summary>Opens a page and waits until its live connection is up (the layout marks it), so clicks take effect.</summary>
    public static async Task GoAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitReadyAsync();
    }

    public static Task WaitReadyAsync(this IPage page) =>
        Expect(page.Locator(".app-root[data-ready=true]")).ToBeAttachedAsync();

    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitReadyAsync();
    }

    public static async Task SignOutAsync(this IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(LoginUrl());
    }

    /// <summary>Types into a party picker and chooses the matching option.</summary>
    public static async Task PickPartyAsync(this IPage page, string inputSelector, string name)
    {
        var option = page.Locator(".mud-popover-open .mud-list-item", new() { HasText = name }).First;
        for (var attempt = 1; ; attempt++)
        {
            // Focus first, as a person clicks before typing: the search then always comes from the debounce timer
            // (the autocomplete searches on focus too, which would mask a timer that never fires).
            await page.FocusAsync(inputSelector);
            await page.FillAsync(inputSelector, name);
            try
            {
                await option.ClickAsync(new() { Timeout = 10_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                // A slow machine can take longer than that to search: clear the text and type it again.
                await page.FillAsync(inputSelector, "");
            }
        }
    }

    public static ILocator MudDialog(this IPage page) => page.Locator(".mud-dialog");

    /// <summary>
    /// Opens a dialog and waits until it has taken the focus, which it does once its live render lands;
    /// typing into a field before then could lose the text to that focus change.
    /// </summary>
    public static async Task<ILocator> OpenDialogAsync(this IPage page, ILocator button)
    {
        await button.ClickAsync();
        await Expect(page.Locator(".mud-dialog :focus")).ToBeAttachedAsync();
        return page.MudDialog();
    }

    public static ILocator Button(this ILocator scope, string name) =>
        scope.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public static ILocator Button(this IPage page, string name) =>
        page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [GeneratedRegex("/login")]
    public static partial Regex LoginUrl();
}
