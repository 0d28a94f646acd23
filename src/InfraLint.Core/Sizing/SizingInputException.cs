using System;

namespace InfraLint.Core.Sizing
{
    /// <summary>
    /// The caller asked something the model cannot answer: an unknown model without a parameter count, an
    /// unknown accelerator, a negative token count. The message is written for the end user.
    /// </summary>
    public sealed class SizingInputException : ArgumentException
    {
        public SizingInputException(string message)
            : base(message)
        {
        }
    }
}
