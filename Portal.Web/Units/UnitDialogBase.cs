using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Portal.Domain.Accounts;
using Portal.Domain.Units;
using Portal.Web.Accounts;
using Portal.Web.Shell;

namespace Portal.Web.Units;

/// <summary>What the unit dialogs share: validate the form, act as the signed-in person, show a refusal inline,
/// close with OK when the service accepted.</summary>
public abstract class UnitDialogBase : ComponentBase
{
    [CascadingParameter] protected IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] protected UnitService Units { get; set; } = default!;
    [Inject] protected CurrentActor Current { get; set; } = default!;
    [Inject] protected IStringLocalizer<UnitsText> T { get; set; } = default!;

    protected MudForm? form;
    protected string? error;
    protected bool saving;

    protected string? NameRule(string? value) =>
        string.IsNullOrWhiteSpace(value) ? T["Vui lòng nhập tên đơn vị."].Value
        : value.Trim().Length > Unit.MaxNameLength ? T["Tên dài tối đa {0} ký tự.", Unit.MaxNameLength].Value
        : null;

    protected string? OptionalNameRule(string? value) =>
        value is not null && value.Trim().Length > Unit.MaxNameLength ? T["Tên dài tối đa {0} ký tự.", Unit.MaxNameLength].Value : null;

    protected void Cancel() => Dialog.Close(DialogResult.Cancel());

    protected async Task SubmitAsync(Func<Actor, Task<object>> action)
    {
        error = null;
        if (form is not null)
        {
            await form.ValidateAsync();
            if (!form.IsValid) return;
        }
        var actor = await Current.GetAsync();
        if (actor is null)
        {
            error = T["Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại."];
            return;
        }
        saving = true;
        try
        {
            var result = await action(actor);
            Dialog.Close(DialogResult.Ok(result));
        }
        catch (Exception e) when (ErrorText.For(e) is string message)
        {
            error = message;
        }
        finally
        {
            saving = false;
        }
    }
}
