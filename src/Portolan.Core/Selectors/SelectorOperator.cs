namespace Portolan.Core.Selectors;

public enum SelectorOperator
{
    In,
    NotIn,
    Exists,
    DoesNotExist,
}
