using System.Linq.Expressions;
using FastExpressionCompiler;
using NRules.Extensibility;

namespace InfraLint.Cli.Engine;

/// <summary>FastExpressionCompiler for every rule expression when the engine is built.</summary>
internal sealed class FastCompiler : IExpressionCompiler
{
    public TDelegate Compile<TDelegate>(Expression<TDelegate> expression)
        where TDelegate : Delegate => expression.CompileFast();
}

/// <summary>
/// Each rule expression compiled by FastExpressionCompiler the first time it runs, behind a forwarder that
/// FastExpressionCompiler also compiles: building that forwarder costs microseconds, and calling it is a compiled call
/// (Core's <see cref="InfraLint.Core.Engine.LazyExpressionCompiler"/> interprets its forwarder, which a scan of 10,000
/// files pays at every condition it evaluates).
/// </summary>
internal sealed class LazyFastCompiler : IExpressionCompiler
{
    private readonly bool _systemBody;

    /// <param name="systemBody">Compile the expressions themselves with <c>Expression.Compile</c> (only the forwarder with FastExpressionCompiler).</param>
    public LazyFastCompiler(bool systemBody = false) => _systemBody = systemBody;

    public TDelegate Compile<TDelegate>(Expression<TDelegate> expression)
        where TDelegate : Delegate
    {
        ArgumentNullException.ThrowIfNull(expression);
        var compiled = _systemBody ? new Lazy<TDelegate>(expression.Compile) : new Lazy<TDelegate>(() => expression.CompileFast());
        var forward = Expression.Lambda<TDelegate>(
            Expression.Invoke(Expression.Property(Expression.Constant(compiled), nameof(Lazy<TDelegate>.Value)), expression.Parameters),
            expression.Parameters);
        return forward.CompileFast();
    }
}
