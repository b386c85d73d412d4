using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Rapport.Web.Pages.Shared;

/// <summary>
/// &lt;field-error key="log.who" /&gt; writes the field's validation message (with the id its input points to
/// through aria-describedby), or nothing when the field is fine.
/// </summary>
[HtmlTargetElement("field-error", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    public string Key { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext? ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var page = ViewContext?.ViewData.Model as FormPage;
        var message = page?.Error(Key);
        if (message is null)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field-error");
        output.Attributes.SetAttribute("id", FormPage.ErrorId(Key));
        output.Content.SetContent(message);
    }
}
