using System.Globalization;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace PolicyDocs.Binding;

/// <summary>The <c>cell</c> filter, kept for templates written before every value was escaped: it returns the value's
/// text, which <see cref="MarkdownTemplateContext"/> escapes (pipes and line breaks included) like any other value.
/// Written as a custom function, not an imported delegate, so it needs no reflection.</summary>
internal sealed class CellFunction : IScriptCustomFunction
{
    /// <summary>The text of one value.</summary>
    public static string Cell(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    /// <inheritdoc />
    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        Cell(arguments.Count > 0 ? arguments[0] : null);

    /// <inheritdoc />
    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        new(Invoke(context, callerContext, arguments, blockStatement));

    /// <inheritdoc />
    public int RequiredParameterCount => 1;
    /// <inheritdoc />
    public int ParameterCount => 1;
    /// <inheritdoc />
    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;
    /// <inheritdoc />
    public Type ReturnType => typeof(string);
    /// <inheritdoc />
    public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "value");
}
