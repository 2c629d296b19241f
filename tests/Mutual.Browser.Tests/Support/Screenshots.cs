namespace Mutual.Browser.Tests.Support;

/// <summary>Pictures for a person to look at, in screenshots/ under the test output (never committed).</summary>
public static class Screenshots
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, name + ".png") });
    }
}
